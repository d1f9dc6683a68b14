package org.pimsyn.synth.spark;

import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.pimsyn.synth.design.CandidateSearch;
import org.pimsyn.synth.design.CandidateSearches;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.explore.DesignPointTask;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction2;

/**
 * The Spark task: searches the one design point of its partition with the standard candidate search and sends
 * the outcome back. The request is rebuilt from its text once per executor JVM, not once per task.
 */
final class SearchOnExecutor extends AbstractFunction2<TaskContext, Iterator<ShippedTask>, ShippedOutcome>
        implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final CandidateSearch SEARCH = CandidateSearches.standard();
    private static volatile Rebuilt lastRequest;

    /** Set by tests only: every task's first attempt fails, as if its executor had died, and is counted. */
    static volatile boolean failFirstAttempts;
    static final AtomicInteger FAILED_FIRST_ATTEMPTS = new AtomicInteger();

    private final Broadcast<RequestText> request;

    SearchOnExecutor(Broadcast<RequestText> request) {
        this.request = request;
    }

    @Override
    public ShippedOutcome apply(TaskContext context, Iterator<ShippedTask> tasks) {
        DesignPointTask task = tasks.next().toTask();
        if (tasks.hasNext()) {
            throw new IllegalStateException("a partition holds more than one design point");
        }
        if (failFirstAttempts && context.attemptNumber() == 0) {
            FAILED_FIRST_ATTEMPTS.incrementAndGet();
            throw new IllegalStateException("first attempt of partition " + context.partitionId() + " fails");
        }
        return ShippedOutcome.of(SEARCH.search(request(request.value()), task.point(), task.duplication(),
                task.seed()));
    }

    private static SynthesisRequest request(RequestText text) {
        Rebuilt last = lastRequest;
        if (last == null || !last.text().equals(text)) {
            last = new Rebuilt(text, text.toRequest());
            lastRequest = last;
        }
        return last.request();
    }

    private record Rebuilt(RequestText text, SynthesisRequest request) {
    }
}
