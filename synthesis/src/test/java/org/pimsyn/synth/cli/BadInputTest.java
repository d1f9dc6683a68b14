package org.pimsyn.synth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pimsyn.synth.cli.SynthesizeCommandTest.JSON;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pimsyn.synth.io.InputFiles;

/** Each mistake a user can make on the command line gives exit code 2 and one line, early, leaving no files. */
class BadInputTest {
    @TempDir
    Path dir;

    private static String oneLineError(CliRun run, String command) {
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("pimsyn " + command + ": "), run.err());
        return run.err().strip().substring(("pimsyn " + command + ": ").length());
    }

    private Path library(String name, Consumer<ObjectNode> edit) throws IOException {
        ObjectNode tree;
        try (InputStream in = BadInputTest.class.getResourceAsStream("/configs/hardware/default.json")) {
            tree = (ObjectNode) JSON.readTree(in);
        }
        edit.accept(tree);
        Path file = dir.resolve(name);
        Files.writeString(file, JSON.writeValueAsString(tree));
        return file;
    }

    @Test
    void anAbsurdInputShapeIsRefusedBeforeAnythingIsWritten() {
        String m = oneLineError(CliRun.of("network", "--model", "cifar10-vgg", "--input-shape",
                "1x3x100000x100000"), "network");
        assertTrue(m.contains("output 1x3x100000x100000 is too large"), m);
        assertTrue(m.contains("4,194,304 positions"), m);

        Path out = dir.resolve("out");
        oneLineError(CliRun.of("synthesize", "--model", "cifar10-vgg", "--input-shape", "1x3x100000x100000",
                "--out", out.toString()), "synthesize");
        assertFalse(Files.exists(out), "no checkpoint, no directory");
    }

    @Test
    void aNetworkWhosePositionsAddUpPastTheLimitIsRefused() {
        // 2,048 x 2,048 passes per layer; cifar10-vgg's layers then add up to more than 2^22 positions.
        String m = oneLineError(CliRun.of("network", "--model", "cifar10-vgg", "--input-shape", "1x3x2048x2048"),
                "network");
        assertTrue(m.contains("output positions (H x W) add up to more than 4,194,304"), m);
        assertEquals(0, CliRun.of("network", "--model", "cifar10-vgg", "--input-shape", "1x3x256x256").exitCode());
    }

    @Test
    void aBatchOtherThanOneIsRefusedSinceMacsArePerImage() {
        String m = oneLineError(CliRun.of("network", "--model", "alexnet", "--input-shape", "4x3x224x224"),
                "network");
        assertTrue(m.startsWith("--input-shape 4x3x224x224: the batch N must be 1"), m);
    }

    @Test
    void aPowerBudgetBeyondOneMegawattIsBadInput() {
        assertEquals("--power: must be a number of watts > 0 and <= 1000000, got 1.0E308",
                oneLineError(CliRun.of("synthesize", "--power", "1e308", "--out", dir.toString()), "synthesize"));
        assertEquals("--power: must be a number of watts > 0 and <= 1000000, got NaN",
                oneLineError(CliRun.of("synthesize", "--power", "NaN", "--out", dir.toString()), "synthesize"));
    }

    @Test
    void threadsGenesAndGenerationsHaveUpperLimits() {
        assertEquals("--threads: must be an integer in 1..256, got 100000",
                oneLineError(CliRun.of("synthesize", "--threads", "100000"), "synthesize"));
        assertEquals("--genes: must be an integer in 2..10000, got 100000000",
                oneLineError(CliRun.of("synthesize", "--genes", "100000000"), "synthesize"));
        assertEquals("--generations: must be an integer in 1..10000, got 10001",
                oneLineError(CliRun.of("synthesize", "--generations", "10001"), "synthesize"));
    }

    /** What config calls valid, synthesize accepts; what it refuses, both refuse with the same JSON path. */
    @Test
    void configAppliesTheRulesSynthesizeDoesAndNamesTheField() throws IOException {
        Object[][] cases = {
            {"genes1.json", (Consumer<ObjectNode>) t -> ((ObjectNode) t.at("/search/evolution")).put("genes", 1),
                "$.search.evolution.genes: must be an integer in [2, 10000], found 1"},
            {"fast.json", (Consumer<ObjectNode>) t -> ((ObjectNode) t.get("clock")).put("frequencyGhz", 1e300),
                "$.clock.frequencyGhz: must be in [0.001, 100], found 1.0E300"},
            {"slow.json", (Consumer<ObjectNode>) t -> ((ObjectNode) t.get("clock")).put("frequencyGhz", 1e-300),
                "$.clock.frequencyGhz: must be in [0.001, 100], found 1.0E-300"},
            {"hop.json", (Consumer<ObjectNode>) t -> ((ObjectNode) t.get("noc")).put("hopLatencyNs", 1e12),
                "$.noc.hopLatencyNs: must be > 0 and <= 10000, found 1.0E12"},
            {"adc.json", (Consumer<ObjectNode>) t -> ((ObjectNode) t.at("/adcs/0")).put("sampleRateGsps", 1e-9),
                "$.adcs[0].sampleRateGsps: must be >= 0.0001, found 1.0E-9"},
        };
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            Path file = library((String) c[0], (Consumer<ObjectNode>) c[1]);
            String config = oneLineError(CliRun.of("config", "--config", file.toString()), "config");
            String synthesize = oneLineError(CliRun.of("synthesize", "--model", "cifar10-vgg", "--power", "5",
                    "--config", file.toString(), "--out", dir.resolve("out").toString()), "synthesize");
            assertTrue(config.startsWith(file + ": " + c[2]), config);
            assertEquals(config, synthesize);
        }
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aNegativeOrHalfGivenAreaIsOneLineNamingTheFileAndField() throws IOException {
        Path negative = library("negative-area.json", t -> ((ObjectNode) t.withArray("adcs").get(3))
                .put("areaMm2", -1));
        assertEquals(negative + ": $.adcs[3].areaMm2: must be >= 0, found -1",
                oneLineError(CliRun.of("config", "--config", negative.toString()), "config"));
        Path noSource = library("no-area-source.json", t -> ((ObjectNode) t.withArray("crossbars").get(0))
                .remove("areaSource"));
        assertEquals(noSource + ": $.crossbars[0].areaSource: missing; an area names where it comes from (a "
                + "publication, and how it was scaled)",
                oneLineError(CliRun.of("config", "--config", noSource.toString()), "config"));
        Path noRouter = library("no-router-area.json", t -> t.with("noc").remove("routerAreaMm2"));
        assertTrue(oneLineError(CliRun.of("config", "--config", noRouter.toString()), "config")
                .startsWith(noRouter + ": $.noc.routerAreaMm2: missing; the NoC gives routerAreaMm2 and linkAreaMm2"));
        assertEquals("--area: must be a number of mm2 > 0 and <= 1000000, got -5.0",
                oneLineError(CliRun.of("synthesize", "--area", "-5"), "synthesize"));
    }

    @Test
    void devicesAreRefusedAtOnceByName() {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "a Unix /dev");
        // /dev/zero never ends: a reader that tried would run out of memory rather than time out.
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertEquals("/dev/zero: not a regular file (a device, pipe or socket); expected a hardware library "
                    + "JSON file", oneLineError(CliRun.of("config", "--config", "/dev/zero"), "config"));
            assertEquals("/dev/zero: not a regular file (a device, pipe or socket); expected a network JSON file",
                    oneLineError(CliRun.of("network", "--network", "/dev/zero"), "network"));
            assertEquals("/dev/zero: not a regular file (a device, pipe or socket); expected a design file",
                    oneLineError(CliRun.of("simulate", "--design", "/dev/zero", "--out", dir.toString()),
                            "simulate"));
            assertEquals("/dev/null: not a regular file (a device, pipe or socket); expected an ONNX model file",
                    oneLineError(CliRun.of("network", "--onnx", "/dev/null"), "network"));
        });
    }

    @Test
    void anInputFileBeyondTheSizeBoundIsRefusedUnread() throws IOException {
        Path big = dir.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(InputFiles.MAX_JSON_BYTES + 1);
        }
        assertEquals(big + ": the network JSON file is larger than 16,777,216 bytes, the most pimsyn reads",
                oneLineError(CliRun.of("network", "--network", big.toString()), "network"));
    }

    @Test
    void anOutputDirectoryThatIsAFileIsBadInput() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertEquals("--out " + file + ": is a file, not a directory; give a directory for the output files",
                oneLineError(CliRun.of("synthesize", "--model", "cifar10-vgg", "--out", file.toString()),
                        "synthesize"));
        Path below = file.resolve("sub");
        assertEquals("--out " + below + ": " + file.toAbsolutePath() + " is a file, not a directory; give a "
                + "directory for the output files", oneLineError(CliRun.of("synthesize", "--model", "cifar10-vgg",
                "--out", below.toString()), "synthesize"));
        assertEquals("x", Files.readString(file));
    }

    @Test
    void anOutputDirectoryWithoutWritePermissionIsBadInput() throws IOException {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // root may write anywhere, so the case only exists for other users.
            Assumptions.assumeFalse(Files.isWritable(locked), "permissions bind this user");
            assertEquals("--out " + locked + ": no permission to write into the directory; give a directory you "
                    + "may write into", oneLineError(CliRun.of("synthesize", "--model", "cifar10-vgg", "--out",
                    locked.toString()), "synthesize"));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void noCommandIsAUsageErrorWithTheUsageOnTheErrorStream() {
        CliRun run = CliRun.of();
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("pimsyn: missing command; give one of synthesize, simulate, export, network, "
                + "config\nUsage: pimsyn"), run.err());
    }

    @Test
    void theHelpOfEachRunningCommandListsEveryExitCode() {
        for (String command : new String[] {"synthesize", "simulate"}) {
            String help = CliRun.of(command, "--help").out().replaceAll("\\s+", " ");
            assertTrue(help.contains("0 done, 1 internal error"), help);
            assertTrue(help.contains("2 bad input"), help);
        }
        assertTrue(CliRun.of("synthesize", "--help").out().replaceAll("\\s+", " ").contains("3 no design fits"));
    }
}
