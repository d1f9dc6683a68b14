package org.pimsyn.synth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {
    @TempDir
    Path dir;

    private static String defaultText() throws IOException {
        try (InputStream in = ConfigCommandTest.class.getResourceAsStream("/configs/hardware/default.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertLine(String out, String regex) {
        assertTrue(Pattern.compile("^" + regex + "$", Pattern.MULTILINE).matcher(out).find(),
                "no line matching " + regex + " in:\n" + out);
    }

    @Test
    void builtInLibraryIsValidAndItsTablesArePrintedWithUnitsAndSources() {
        CliRun run = CliRun.of("config");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        String out = run.out();
        assertTrue(out.startsWith("Hardware library built-in configs/hardware/default.json: valid\n"), out);
        for (String section : new String[] {"Clock and precision", "Crossbars", "ADCs", "DACs", "ALUs",
                "Scratchpads (eDRAM; latency and energy per access of the bus width)", "NoC",
                "Search: simulated annealing (weight duplication)", "Search: evolution (macro partitioning)",
                "Search: design space", "Sources"}) {
            assertLine(out, Pattern.quote(section));
        }
        assertLine(out, "  size\\s+cell bits\\s+static mW\\s+dynamic mW\\s+peak mW\\s+read ns\\s+read pJ\\s+source");
        assertLine(out, "  256x256\\s+2\\s+0\\.12\\s+1\\.08\\s+1\\.2\\s+100\\s+108\\*\\s+\\[\\d+\\]");
        assertLine(out, "  8\\s+0\\.4\\s+1\\.6\\s+2\\s+1\\s+1\\s+1\\.6\\*\\s+\\[\\d+\\]");
        assertLine(out, "  6\\s+0\\.02\\s+1\\.06\\s+1\\.08\\s+1\\s+1\\s+1\\.06\\*\\s+\\[\\d+\\]");
        assertLine(out, "  64\\s+13\\.6025\\s+0\\.509152\\s+0\\.509152\\s+9\\.6005\\s+10\\.036\\s+256\\s+\\[\\d+\\]");
        assertLine(out, "  pool\\s+32\\s+0\\.02\\s+0\\.08\\s+0\\.1\\s+0\\.05\\s+200\\s+16\\*\\s+\\[\\d+\\]");
        assertLine(out, "  router power\\s+42 mW\\s+\\[\\d+\\]");
        assertLine(out, "  router static power\\s+0\\.831683 mW\\s+\\[\\d+\\]");
        assertLine(out, "  router energy per flit-hop\\s+2\\.5925 pJ\\s+\\[\\d+\\]");
        assertLine(out, "  link static power\\s+0\\.0833333 mW\\s+\\[\\d+\\]");
        assertLine(out, "  sampleHold\\s+column\\s+1 per crossbar column\\s+sample\\s+MVM per ROW\\s+.*");
        assertLine(out, "  globalBuffer\\s+512KB\\s+1 per chip\\s+read\\s+LOAD per INPUT_BIT\\s+.*");
        assertLine(out, "  clock\\s+1\\.2 GHz\\s+\\[1\\]");
        assertLine(out, "  RatioRram\\s+0\\.1, 0\\.15, 0\\.2, 0\\.25, 0\\.3, 0\\.35, 0\\.4\\s+\\[\\d+\\]");
        assertLine(out, "  candidates kept\\s+30\\s+\\[\\d+\\]");
        assertLine(out, "    XbSize 256, ResRram 4, ResDAC 4: needs a 15-bit ADC");
        assertLine(out, "    XbSize 512, ResRram 4, ResDAC 4: needs a 16-bit ADC");
        assertLine(out, "  \\[1\\] ISAAC .*");
        assertLine(out, "      note: the original lists peak_power 1\\.26e-4 W.*");
    }

    @Test
    void everyFootnoteCitedInATableIsListedUnderSources() {
        String out = CliRun.of("config").out();
        String sources = out.substring(out.indexOf("\nSources\n"));
        var cited = Pattern.compile("\\[(\\d+)\\]$", Pattern.MULTILINE).matcher(out.substring(0, out.indexOf("\nSources\n")));
        int count = 0;
        while (cited.find()) {
            assertTrue(sources.contains("\n  [" + cited.group(1) + "] "), "footnote " + cited.group(1));
            count++;
        }
        assertTrue(count > 40, "cited rows: " + count);
    }

    @Test
    void reportIsTheSameOnEveryRun() {
        assertEquals(CliRun.of("config").out(), CliRun.of("config").out());
    }

    @Test
    void validFileGivenWithConfigIsNamedInTheReport() throws IOException {
        Path file = dir.resolve("mine.json");
        Files.writeString(file, defaultText());
        CliRun run = CliRun.of("config", "--config", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Hardware library " + file + ": valid\n"), run.out());
    }

    @Test
    void invalidFileExitsTwoWithOneLineNamingFilePathAndRule() throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, defaultText().replaceFirst("\"dynamicPowerMw\": 0.27", "\"dynamicPowerMw\": -1"));
        CliRun run = CliRun.of("config", "--config", file.toString());
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertEquals("pimsyn config: " + file + ": $.crossbars[0].dynamicPowerMw: must be > 0, found -1\n",
                run.err());
    }

    @Test
    void malformedFileExitsTwoWithLineAndColumn() throws IOException {
        Path file = dir.resolve("malformed.json");
        Files.writeString(file, "{\n  \"formatVersion\": 1\n  \"clock\": {}\n}\n");
        CliRun run = CliRun.of("config", "--config", file.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("pimsyn config: " + file + ": line 3, column 3: malformed JSON: "),
                run.err());
        assertEquals(1, run.err().lines().count());
    }

    @Test
    void missingFileExitsTwo() {
        Path file = dir.resolve("absent.json");
        CliRun run = CliRun.of("config", "--config", file.toString());
        assertEquals(2, run.exitCode());
        assertEquals("pimsyn config: " + file + ": no such file; expected a hardware library JSON file\n",
                run.err());
    }

    @Test
    void helpDescribesTheConfigOption() {
        CliRun run = CliRun.of("config", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("--config=FILE"), run.out());
        assertTrue(run.out().contains("built-in configs/hardware/default.json"), run.out());
    }
}
