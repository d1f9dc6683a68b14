package org.pimsyn.synth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pimsyn.synth.TestData;

/**
 * {@code pimsyn simulate --original}: the original tool's AlexNet design simulates with the usual outputs, the
 * converted design it writes simulates again with --design to the same figures, and bad input is one line naming
 * the file and the field, exit code 2. Skipped where ../shared is absent.
 */
class SimulateOriginalTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REFERENCE = "reference/pimsyn-nn/";

    @TempDir
    Path dir;

    private static Path design() {
        return TestData.shared(REFERENCE + "output/alexnet.json");
    }

    private static Path network() {
        return TestData.shared(REFERENCE + "models/alexnet.json");
    }

    @Test
    void simulatesAndWritesTheConvertedDesign() throws IOException {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("simulate", "--original", design().toString(), "--network", network().toString(),
                "--original-config", TestData.shared(REFERENCE + "config.json").toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("its own estimate: 572.3 GOPS/W"), run.out());
        assertTrue(run.out().contains("Peak power 44.911 W of the 49.000 W budget"), run.out());
        // The library departs from the original's config.json in its scratchpad bus (the paper's 256 bits) and the
        // per-access energies scaled to it, and says so.
        assertTrue(run.out().contains("$.memory_bw: the original's scratchpad bus bits is 1024, the library's 256"),
                run.out());
        assertTrue(run.out().contains("Power efficiency: 141.22 GOPS/W"), run.out());
        JsonNode report = JSON.readTree(out.resolve(SimulateCommand.REPORT_FILE).toFile());
        assertEquals("per-layer", report.path("original").path("countReading").asText());
        assertEquals(572.3071531441486, report.path("original").path("statedGopsPerWatt").asDouble());
        assertTrue(Files.exists(out.resolve("report.html")));
        Path converted = out.resolve(SimulateCommand.CONVERTED_FILE);
        CliRun again = CliRun.of("simulate", "--design", converted.toString(), "--out", dir.resolve("again")
                .toString());
        assertEquals(0, again.exitCode(), again.err());
        JsonNode second = JSON.readTree(dir.resolve("again").resolve(SimulateCommand.REPORT_FILE).toFile());
        assertEquals(report.path("simulation").path("performance"), second.path("simulation").path("performance"));
    }

    @Test
    void badInputIsOneLineNamingFileAndField() throws IOException {
        String alex = "/features/features.3/Conv_output_0";
        expectError(d -> ((ObjectNode) d).remove(alex), "$['" + alex + "']: missing; weight layer");
        expectError(d -> ((ObjectNode) d).set("nope", d.get(alex)), "$['nope']: no layer of that name");
        expectError(d -> ((ObjectNode) d.get(alex)).put("macro_num", 5000), "$['" + alex + "'].macro_num: 5000 "
                + "macros for the 1456 crossbars");
        expectError(d -> ((ObjectNode) d).put("macro_h", 7), "$.macro_h: a mesh of 7 x 8");
        expectError(d -> ((ObjectNode) d).put("spm_capacity", 96), "$.spm_capacity:");
        expectError(d -> ((ObjectNode) d.get(alex)).put("ADC", "many"), "$['" + alex + "'].ADC: expected an "
                + "integer");
        expectError(d -> ((ObjectNode) d.get(alex)).put("macro_sharing", "/features/features.6/Conv_output_0"),
                "$['" + alex + "'].macro_sharing: layer '/features/features.6/Conv_output_0' does not name");
        expectError(d -> ((ObjectNode) d.get(alex)).remove("macro_size"), "$['" + alex + "'].macro_size: missing");
        expectError(d -> ((ObjectNode) d.get(alex)).put("duplication", 730), "$['" + alex + "'].duplication: must "
                + "be in 1..729");
    }

    @Test
    void optionsOfOneKindOnly() {
        CliRun run = CliRun.of("simulate", "--original", design().toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--original needs the design's network"), run.err());
        CliRun both = CliRun.of("simulate", "--original", design().toString(), "--design", design().toString());
        assertEquals(2, both.exitCode());
        CliRun reading = CliRun.of("simulate", "--original", design().toString(), "--network",
                network().toString(), "--original-counts", "per-chip", "--out", dir.toString());
        assertEquals(2, reading.exitCode());
        assertTrue(reading.err().contains("--original-counts: \"per-chip\""), reading.err());
    }

    private void expectError(Consumer<JsonNode> damage, String expected) throws IOException {
        JsonNode tree = JSON.readTree(design().toFile());
        damage.accept(tree);
        Path file = dir.resolve("damaged.json");
        Files.writeString(file, JSON.writeValueAsString(tree));
        CliRun run = CliRun.of("simulate", "--original", file.toString(), "--network", network().toString(),
                "--out", dir.resolve("o").toString());
        assertEquals(2, run.exitCode(), run.out() + run.err());
        String line = run.err().strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.contains(file + ": " + expected), line);
    }
}
