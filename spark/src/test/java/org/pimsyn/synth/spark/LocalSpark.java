package org.pimsyn.synth.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** Spark in the test JVM, on the loopback interface, without its web UI. */
final class LocalSpark {
    private LocalSpark() {
    }

    /** A new context; {@code master} such as {@code local[2]}, or {@code local[2,3]} for three attempts per task. */
    static JavaSparkContext start(String master) {
        return new JavaSparkContext(new SparkConf().setMaster(master).setAppName("pimsyn tests")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false"));
    }
}
