package org.pimsyn.synth.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pimsyn.synth.InputException;

/** The library's {@code limits} section: the defaults and their sources, old files, and what the reader refuses. */
class PhysicalLimitsLibraryTest {
    private static final Path ISAAC = Path.of("..", "configs", "hardware", "isaac.json");

    @TempDir
    Path dir;

    @Test
    void theDefaultLibraryLimitsMacrosAdcsAndTheMeshWithSources() {
        PhysicalLimits limits = HardwareLibrary.builtIn().limits();
        assertEquals(512, limits.maxCrossbarsPerMacro());
        assertEquals(128, limits.maxColumnsPerAdc());
        assertEquals(12, limits.maxMeshRows());
        assertEquals(14, limits.maxMeshCols());
        assertEquals(168, limits.maxMacros());
        assertTrue(limits.crossbarsPerMacro().source().contains("default_max_macro_size = 512"));
        assertTrue(limits.columnsPerAdc().source().startsWith("ISAAC"));
        assertTrue(limits.meshRows().source().contains("168 tiles"));
        assertTrue(limits.note().startsWith("DACs follow crossbar rows"));
        // The unified sizes of the search (32 to 512) all lie within the limit.
        assertEquals(512, HardwareLibrary.builtIn().search().evolution().macroSizeMaxCrossbars());
    }

    @Test
    void theIsaacLibraryHasIsaacsOwnFigures() {
        if (!Files.exists(ISAAC)) {
            return;
        }
        PhysicalLimits limits = HardwareLibrary.load(ISAAC).limits();
        assertEquals(96, limits.maxCrossbarsPerMacro());
        assertEquals(128, limits.maxColumnsPerAdc());
        assertEquals(12 * 14, limits.maxMacros());
    }

    @Test
    void aLibraryWithoutTheSectionHasNoLimitsAndWritesNone() {
        HardwareLibrary lib = HardwareLibrary.parse(LibraryVariants.edited(root -> root.remove("limits")), "old.json");
        assertSame(PhysicalLimits.NONE, lib.limits());
        assertFalse(lib.limits().any());
        assertEquals(Integer.MAX_VALUE, lib.limits().maxCrossbarsPerMacro());
        assertEquals(Long.MAX_VALUE, lib.limits().maxMacros());
        assertFalse(HardwareLibraryWriter.toJson(lib).contains("\"limits\""));
        // Each limit is optional: an empty section limits nothing, one limit limits only that.
        assertFalse(HardwareLibrary.parse(LibraryVariants.edited(root -> root.putObject("limits")), "e.json")
                .limits().any());
        PhysicalLimits one = HardwareLibrary.parse(LibraryVariants.edited(root -> {
            ObjectNode limits = root.putObject("limits");
            limits.putObject("meshRows").put("max", 3).put("source", "test");
        }), "one.json").limits();
        assertEquals(3, one.maxMeshRows());
        assertEquals(Integer.MAX_VALUE, one.maxMeshCols());
        assertEquals(Long.MAX_VALUE, one.maxMacros());
    }

    @Test
    void theWriterKeepsTheLimits() {
        HardwareLibrary builtIn = HardwareLibrary.builtIn();
        HardwareLibrary again = HardwareLibrary.parse(HardwareLibraryWriter.toJson(builtIn), builtIn.origin());
        assertEquals(builtIn.limits(), again.limits());
        assertEquals(builtIn, again);
    }

    private String failure(Consumer<ObjectNode> edit) throws IOException {
        Path file = dir.resolve("limits.json");
        Files.writeString(file, LibraryVariants.edited(edit));
        InputException e = assertThrows(InputException.class, () -> HardwareLibrary.load(file));
        String message = e.getMessage();
        assertFalse(message.contains("\n"), "one line: " + message);
        assertTrue(message.startsWith(file + ": "), message);
        return message.substring(file.toString().length() + 2);
    }

    private static ObjectNode limit(ObjectNode root, String key) {
        return (ObjectNode) root.get("limits").get(key);
    }

    @Test
    void aZeroOrNegativeLimitIsOneLineNamingTheField() throws IOException {
        assertEquals("$.limits.crossbarsPerMacro.max: must be an integer in [1, 1000000000], found 0",
                failure(root -> limit(root, "crossbarsPerMacro").put("max", 0)));
        assertEquals("$.limits.columnsPerAdc.max: must be an integer in [1, 1000000000], found -128",
                failure(root -> limit(root, "columnsPerAdc").put("max", -128)));
        assertEquals("$.limits.meshRows.max: must be an integer in [1, 32768], found -1",
                failure(root -> limit(root, "meshRows").put("max", -1)));
        assertEquals("$.limits.meshCols.max: must be an integer in [1, 32768], found 40000",
                failure(root -> limit(root, "meshCols").put("max", 40000)));
        assertEquals("$.limits.meshCols.max: expected an integer, found the number 2.5",
                failure(root -> limit(root, "meshCols").put("max", 2.5)));
    }

    @Test
    void aLimitNeedsItsSourceAndTheSectionOnlyKnownKeys() throws IOException {
        assertEquals("$.limits.columnsPerAdc.source: missing; expected a string",
                failure(root -> limit(root, "columnsPerAdc").remove("source")));
        assertEquals("$.limits.columnsPerAdc.max: missing; expected an integer",
                failure(root -> limit(root, "columnsPerAdc").remove("max")));
        assertTrue(failure(root -> ((ObjectNode) root.get("limits")).put("adcsPerMacro", 3))
                .startsWith("$.limits.adcsPerMacro: unknown key; allowed keys: crossbarsPerMacro, columnsPerAdc, "
                        + "meshRows, meshCols, note"));
    }

    @Test
    void aCrossbarLimitBelowTheSmallestUnifiedSizeIsRefused() throws IOException {
        String m = failure(root -> limit(root, "crossbarsPerMacro").put("max", 16));
        assertTrue(m.startsWith("$.search.evolution.macroSizeMinCrossbars: the smallest unified macro size, 32 "
                + "crossbars, exceeds the 16 of $.limits.crossbarsPerMacro.max"), m);
    }
}
