package org.pimsyn.synth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code synthesize --executor spark} in this JVM, with the master a spark-submit would set as a system property,
 * and the command line with this module but without Spark on its class path.
 */
class SynthesizeOnSparkTest {
    /** What spark-submit would set; a loopback driver and no web UI keep the test to itself. */
    private static final Map<String, String> SUBMITTED = Map.of("spark.master", "local[2]",
            "spark.driver.host", "127.0.0.1", "spark.driver.bindAddress", "127.0.0.1", "spark.ui.enabled", "false",
            "spark.ui.showConsoleProgress", "false");

    @TempDir
    Path dir;

    private List<String> small(String out, String executor) throws IOException {
        return SynthesizeCommandTest.smallCase(dir, "--power", "5", "--threads", "2", "--out",
                dir.resolve(out).toString(), "--executor", executor);
    }

    private ObjectNode withoutExecution(Path report) throws IOException {
        ObjectNode tree = (ObjectNode) SynthesizeCommandTest.JSON.readTree(report.toFile());
        tree.remove("execution");
        return tree;
    }

    @Test
    void onSparkTheFilesAreThoseOfTheLocalRun() throws IOException {
        CliRun local = SynthesizeCommandTest.run(small("local", "local"));
        assertEquals(0, local.exitCode(), local.err());
        CliRun onSpark;
        SUBMITTED.forEach(System::setProperty);
        try {
            onSpark = SynthesizeCommandTest.run(small("spark", "Spark"));
        } finally {
            SUBMITTED.keySet().forEach(System::clearProperty);
            SparkContext.getOrCreate().stop();
        }
        assertEquals(0, onSpark.exitCode(), onSpark.err());
        assertTrue(onSpark.out().contains(" on 2 threads and Spark (master local[2])\n"), onSpark.out());
        assertTrue(local.out().contains(" on 2 threads\n"), local.out());
        Path l = dir.resolve("local");
        Path s = dir.resolve("spark");
        assertEquals(Files.readString(l.resolve("design.json")), Files.readString(s.resolve("design.json")));
        assertEquals(Files.readString(l.resolve("pimcomp.json")), Files.readString(s.resolve("pimcomp.json")));
        assertEquals(withoutExecution(l.resolve("report.json")), withoutExecution(s.resolve("report.json")));
    }

    @Test
    void sparkWithoutAMasterIsBadInputPointingToSparkSubmit() throws IOException {
        CliRun run = SynthesizeCommandTest.run(small("out", "spark"));
        SynthesizeCommandTest.assertOneLineError(run, Main.EXIT_BAD_INPUT);
        assertEquals("pimsyn synthesize: --executor spark: Spark did not start: no master is set (spark.master); run "
                + "pimsyn with spark-submit --class org.pimsyn.synth.cli.Main pimsyn-spark.jar synthesize --executor "
                + "spark ...\n", run.err());
    }

    @Test
    void withoutSparkOnTheClassPathLocalRunsWorkAndSparkIsAOneLineError() throws Exception {
        try (URLClassLoader noSpark = new URLClassLoader(classPathWithoutSpark(),
                ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> noSpark.loadClass("org.apache.spark.SparkContext"));
            Method execute = noSpark.loadClass(Main.class.getName()).getMethod("execute", PrintWriter.class,
                    PrintWriter.class, String[].class);

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = (int) execute.invoke(null, new PrintWriter(out), new PrintWriter(err),
                    small("local", "local").toArray(String[]::new));
            assertEquals(Main.EXIT_OK, code, err.toString());
            assertTrue(Files.exists(dir.resolve("local").resolve("design.json")));

            out = new StringWriter();
            err = new StringWriter();
            code = (int) execute.invoke(null, new PrintWriter(out), new PrintWriter(err),
                    small("spark", "Spark").toArray(String[]::new));
            assertEquals(Main.EXIT_BAD_INPUT, code);
            assertEquals("pimsyn synthesize: --executor spark: Spark is not on the class path; run pimsyn with "
                    + "spark-submit --class org.pimsyn.synth.cli.Main pimsyn-spark.jar synthesize --executor spark "
                    + "...\n",
                    err.toString());
        }
    }

    /** The test class path (surefire hands it over in a property) without Spark's and Scala's jars. */
    private static URL[] classPathWithoutSpark() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            String unix = entry.replace(File.separatorChar, '/');
            if (unix.contains("/org/apache/spark/") || unix.contains("/org/scala-lang/")) {
                continue;
            }
            try {
                urls.add(Path.of(entry).toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        assertTrue(urls.size() < Arrays.asList(classPath.split(File.pathSeparator)).size(), "Spark was on the path");
        return urls.toArray(URL[]::new);
    }
}
