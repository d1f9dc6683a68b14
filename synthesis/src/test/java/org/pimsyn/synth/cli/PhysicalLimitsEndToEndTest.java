package org.pimsyn.synth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.synth.design.LimitCheck;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.hardware.PhysicalLimits;
import org.pimsyn.synth.output.DesignJson;

/**
 * The default library's physical limits end to end: {@code pimsyn config} refuses a bad limit, and a design
 * synthesized for a zoo network keeps every limit where the same search without them does not. The library is the
 * default one with its design space cut to one point (RatioRram 0.1, 4-bit cells, 256 x 256 crossbars, 1-bit DACs:
 * stage 1 fills the crossbar budget, and under the limits' ADC per 128 columns only a small share of crossbars fits)
 * and a short search (4 genes, 2 generations): a few seconds a run.
 */
class PhysicalLimitsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static ObjectNode defaultTree() throws IOException {
        try (InputStream in = PhysicalLimitsEndToEndTest.class.getResourceAsStream("/configs/hardware/default.json")) {
            return (ObjectNode) JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private Path smallSearch(String name, boolean limits) throws IOException {
        ObjectNode root = defaultTree();
        if (!limits) {
            root.remove("limits");
        }
        ObjectNode search = (ObjectNode) root.get("search");
        ObjectNode space = (ObjectNode) search.get("designSpace");
        space.set("ratioRram", JSON.createArrayNode().add(0.1));
        space.set("resRramBits", JSON.createArrayNode().add(4));
        space.set("xbSizeRows", JSON.createArrayNode().add(256));
        space.set("resDacBits", JSON.createArrayNode().add(1));
        ObjectNode annealing = (ObjectNode) search.get("annealing");
        annealing.put("iterationsPerTemperature", 20);
        annealing.put("coolingFactor", 0.8);
        annealing.put("candidatesKept", 1);
        Path file = dir.resolve(name);
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        return file;
    }

    private CliRun synthesize(Path library, String out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("synthesize", "--model", "cifar10-vgg", "--power", "10",
                "--config", library.toString(), "--out", dir.resolve(out).toString(), "--genes", "4",
                "--generations", "2", "--threads", "2"));
        args.addAll(List.of(more));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(Main.EXIT_OK, run.exitCode(), run.err());
        return run;
    }

    private Accelerator design(String out) {
        return DesignJson.read(dir.resolve(out).resolve("design.json")).accelerator();
    }

    @Test
    void byDefaultTheLimitsHoldWhichTheSearchOnlyCheckingThemBreaksAndLists() throws IOException {
        PhysicalLimits limits = HardwareLibrary.builtIn().limits();
        Path library = smallSearch("limits.json", true);
        synthesize(library, "limited");
        Accelerator limited = design("limited");
        assertEquals(List.of(), LimitCheck.violations(limited, limits));
        assertTrue(limited.meshRows() <= 12 && limited.meshCols() <= 14);
        limited.macros().forEach(m -> {
            assertTrue(m.crossbarCount() <= 512, m.crossbarCount() + " crossbars");
            assertTrue(m.adcs().count() >= 2L * m.crossbarCount(), m.adcs().count() + " ADCs for "
                    + m.crossbarCount() + " crossbars of 256 columns");
            assertTrue(m.dacs().count() <= 512L * 256, m.dacs().count() + " DACs");
        });
        assertEquals("enforce", JSON.readTree(dir.resolve("limited").resolve("report.json").toFile())
                .at("/physicalLimits/mode").textValue());

        CliRun checked = synthesize(library, "free", "--physical-limits", "CHECK");
        List<String> broken = LimitCheck.violations(design("free"), limits);
        assertFalse(broken.isEmpty(), "the search without limits keeps them anyway; the test would prove nothing");
        var report = JSON.readTree(dir.resolve("free").resolve("report.json").toFile()).get("physicalLimits");
        assertEquals("check", report.get("mode").textValue());
        assertEquals(broken.size(), report.get("violations").size());
        assertEquals(broken.get(0), report.get("violations").get(0).textValue());
        assertTrue(checked.out().contains("(checked, not enforced (--physical-limits check)): the design breaks "
                + broken.size() + ":\n  " + broken.get(0)), checked.out());
        synthesize(library, "enforced", "--physical-limits", "enforce");
        assertEquals(Files.readString(dir.resolve("limited").resolve("design.json")),
                Files.readString(dir.resolve("enforced").resolve("design.json")), "enforce is the default");

        CliRun bad = CliRun.of("synthesize", "--model", "cifar10-vgg", "--physical-limits", "strict", "--out",
                dir.resolve("bad").toString());
        assertEquals(Main.EXIT_BAD_INPUT, bad.exitCode());
        assertEquals("pimsyn synthesize: --physical-limits: \"strict\" is not a mode; allowed: enforce, check",
                bad.err().strip());
    }

    @Test
    void aZeroOrNegativeLimitIsOneLineNamingTheFileAndFieldWithExitCode2() throws IOException {
        ObjectNode root = defaultTree();
        ((ObjectNode) root.get("limits").get("columnsPerAdc")).put("max", 0);
        Path file = dir.resolve("zero.json");
        Files.writeString(file, JSON.writeValueAsString(root));
        String zero = file + ": $.limits.columnsPerAdc.max: must be an integer in [1, 1000000000], found 0";
        CliRun config = CliRun.of("config", "--config", file.toString());
        assertEquals(Main.EXIT_BAD_INPUT, config.exitCode(), config.err());
        assertEquals("pimsyn config: " + zero, config.err().strip());
        CliRun synthesize = CliRun.of("synthesize", "--model", "cifar10-vgg", "--config", file.toString(), "--out",
                dir.resolve("x").toString());
        assertEquals(Main.EXIT_BAD_INPUT, synthesize.exitCode(), synthesize.err());
        assertEquals("pimsyn synthesize: " + zero, synthesize.err().strip());

        ((ObjectNode) root.get("limits").get("columnsPerAdc")).put("max", 128);
        ((ObjectNode) root.get("limits").get("meshRows")).put("max", -3);
        Files.writeString(file, JSON.writeValueAsString(root));
        CliRun negative = CliRun.of("config", "--config", file.toString());
        assertEquals(Main.EXIT_BAD_INPUT, negative.exitCode());
        assertEquals("pimsyn config: " + file + ": $.limits.meshRows.max: must be an integer in [1, 32768], found -3",
                negative.err().strip());
    }
}
