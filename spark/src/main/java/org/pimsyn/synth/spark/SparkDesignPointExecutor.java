package org.pimsyn.synth.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rdd.RDD;
import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.explore.DesignPointExecutor;
import org.pimsyn.synth.explore.DesignPointTask;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * Searches design points on Spark: one Spark job per batch, one partition and so one Spark task per design
 * point. The request goes out once per run as a broadcast of its text; each task sends back its outcome, which
 * the driver rebuilds and passes on as soon as the task succeeds. A failed task attempt (an exception, a lost
 * executor) is retried by Spark up to {@code spark.task.maxFailures} times; since a task's seed comes with it, a
 * retry gives the same outcome. The tasks run the standard candidate search.
 */
public final class SparkDesignPointExecutor implements DesignPointExecutor {
    private static final ClassTag<ShippedOutcome> OUTCOME = ClassTag$.MODULE$.apply(ShippedOutcome.class);

    private final JavaSparkContext spark;
    private SynthesisRequest shippedRequest;
    private Broadcast<RequestText> shippedText;

    public SparkDesignPointExecutor(JavaSparkContext spark) {
        this.spark = spark;
    }

    /**
     * On the running Spark context, or on a new one configured as Spark configures applications ({@code spark.*}
     * system properties, which spark-submit sets, such as the master).
     *
     * @throws IllegalStateException when no master is configured, or Spark does not start
     */
    public static SparkDesignPointExecutor onSparkContext() {
        SparkConf conf = new SparkConf().setIfMissing("spark.app.name", "pimsyn synthesize");
        if (!conf.contains("spark.master")) {
            // Checked here because Spark would log the same complaint with a stack trace before throwing it.
            throw new IllegalStateException("no master is set (spark.master)");
        }
        return new SparkDesignPointExecutor(JavaSparkContext.fromSparkContext(SparkContext.getOrCreate(conf)));
    }

    /** The master the tasks go to, such as {@code spark://host:7077} or {@code local[4]}. */
    public String master() {
        return spark.master();
    }

    @Override
    public List<CandidateOutcome> searchAll(SynthesisRequest request, List<DesignPointTask> tasks,
            TaskFinished finished) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        List<ShippedTask> shipped = new ArrayList<>(tasks.size());
        for (DesignPointTask t : tasks) {
            shipped.add(ShippedTask.of(t));
        }
        RDD<ShippedTask> points = spark.parallelize(shipped, tasks.size()).rdd();
        CandidateOutcome[] outcomes = new CandidateOutcome[tasks.size()];
        AbstractFunction2<Object, ShippedOutcome, BoxedUnit> arrived = new AbstractFunction2<>() {
            @Override
            public BoxedUnit apply(Object partition, ShippedOutcome outcome) {
                int index = (Integer) partition;
                outcomes[index] = outcome.toOutcome(tasks.get(index));
                finished.finished(index, outcomes[index]);
                return BoxedUnit.UNIT;
            }
        };
        spark.sc().runJob(points, new SearchOnExecutor(text(request)), arrived, OUTCOME);
        return Arrays.asList(outcomes);
    }

    /** The broadcast of the request's text, made again only when the request changes. */
    private synchronized Broadcast<RequestText> text(SynthesisRequest request) {
        if (request != shippedRequest) {
            if (shippedText != null) {
                shippedText.destroy();
            }
            shippedText = spark.broadcast(RequestText.of(request));
            shippedRequest = request;
        }
        return shippedText;
    }
}
