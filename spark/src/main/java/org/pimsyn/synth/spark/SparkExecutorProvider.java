package org.pimsyn.synth.spark;

import org.pimsyn.synth.explore.DesignPointExecutorProvider;

/** {@code --executor spark}: the design points go to the Spark cluster that spark-submit configured. */
public final class SparkExecutorProvider implements DesignPointExecutorProvider {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Started start() {
        // Checked by name before any class that refers to Spark's is loaded, so that plain java -jar gets a message
        // instead of a NoClassDefFoundError.
        try {
            Class.forName("org.apache.spark.SparkContext", false, SparkExecutorProvider.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Spark is not on the class path");
        }
        SparkDesignPointExecutor spark;
        try {
            spark = SparkDesignPointExecutor.onSparkContext();
        } catch (Exception e) {
            // Spark's own start-up failures (a bad master URL, say) are Scala exceptions, checked in Java terms.
            throw new IllegalStateException("Spark did not start: " + e.getMessage(), e);
        }
        return new Started(spark, "Spark (master " + spark.master() + ")");
    }
}
