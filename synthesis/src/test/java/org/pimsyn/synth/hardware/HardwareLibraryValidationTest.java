package org.pimsyn.synth.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pimsyn.synth.hardware.LibraryVariants.array;
import static org.pimsyn.synth.hardware.LibraryVariants.at;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pimsyn.synth.InputException;

/** Broken variants of the default library, one per kind of mistake, each written to a file and loaded. */
class HardwareLibraryValidationTest {
    @TempDir
    Path dir;

    private String load(Consumer<ObjectNode> edit) throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, LibraryVariants.edited(edit));
        return failure(file);
    }

    private static String failure(Path file) {
        InputException e = assertThrows(InputException.class, () -> HardwareLibrary.load(file));
        String message = e.getMessage();
        assertFalse(message.contains("\n"), "one line: " + message);
        assertTrue(message.startsWith(file + ": "), message);
        return message.substring(file.toString().length() + 2);
    }

    @Test
    void editedDefaultWrittenToAFileLoads() throws IOException {
        Path file = dir.resolve("copy.json");
        Files.writeString(file, LibraryVariants.defaultText());
        HardwareLibrary lib = HardwareLibrary.load(file);
        assertEquals(file.toString(), lib.origin());
        assertEquals(HardwareLibrary.builtIn().crossbars(), lib.crossbars());
        assertEquals(HardwareLibrary.builtIn().search(), lib.search());
    }

    @Test
    void version1ReadsWithItsOwnAluNames() throws IOException {
        Path file = dir.resolve("v1.json");
        Files.writeString(file, LibraryVariants.edited(root -> {
            root.put("formatVersion", 1);
            at(root, "alus", "1").put("kind", "adder");
            at(root, "alus", "2").put("kind", "pooling");
        }));
        assertEquals(HardwareLibrary.builtIn().alus(), HardwareLibrary.load(file).alus());
        assertEquals("$.alus[1].kind: unknown kind 'add'; allowed: shiftAdd, adder, pooling, relu, sigmoid, eltwise",
                load(root -> root.put("formatVersion", 1)));
    }

    @Test
    void unknownKeyIsNamedWithTheKeyItProbablyMeant() throws IOException {
        String m = load(root -> {
            ObjectNode xb = at(root, "crossbars", "3");
            xb.set("dynamicPowerMW", xb.remove("dynamicPowerMw"));
        });
        assertTrue(m.startsWith("$.crossbars[3].dynamicPowerMW: unknown key (did you mean dynamicPowerMw?); "
                + "allowed keys: sizeRows, cellBits, readLatencyNs, staticPowerMw"), m);
    }

    @Test
    void unknownTopLevelKeyListsTheAllowedOnes() throws IOException {
        String m = load(root -> root.put("ADC", 1));
        assertEquals("$.ADC: unknown key; allowed keys: formatVersion, description, clock, precision, crossbars, "
                + "adcs, dacs, alus, scratchpads, noc, search, otherComponents, limits", m);
    }

    @Test
    void missingFieldIsNamedByItsPath() throws IOException {
        String m = load(root -> at(root, "crossbars", "3").remove("dynamicPowerMw"));
        assertEquals("$.crossbars[3].dynamicPowerMw: missing; expected a number > 0", m);
    }

    @Test
    void missingSectionIsNamed() throws IOException {
        assertEquals("$.noc: missing; expected an object", load(root -> root.remove("noc")));
    }

    @Test
    void stringWhereANumberBelongsIsAWrongType() throws IOException {
        String m = load(root -> at(root, "crossbars", "4").put("dynamicPowerMw", "1.08"));
        assertEquals("$.crossbars[4].dynamicPowerMw: expected a number, found the string \"1.08\"", m);
    }

    @Test
    void fractionWhereAnIntegerBelongsIsAWrongType() throws IOException {
        String m = load(root -> at(root, "crossbars", "0").put("cellBits", 1.5));
        assertEquals("$.crossbars[0].cellBits: expected an integer, found the number 1.5", m);
    }

    @Test
    void objectWhereAnArrayBelongsIsAWrongType() throws IOException {
        String m = load(root -> root.set("adcs", at(root, "noc")));
        assertEquals("$.adcs: expected an array of objects, found an object", m);
    }

    @Test
    void zeroAndNegativeFiguresAreRejected() throws IOException {
        assertEquals("$.adcs[3].staticPowerMw: must be > 0, found 0.0",
                load(root -> at(root, "adcs", "3").put("staticPowerMw", 0.0)));
        assertEquals("$.scratchpads[2].readEnergyPj: must be > 0, found -1",
                load(root -> at(root, "scratchpads", "2").put("readEnergyPj", -1)));
        assertEquals("$.noc.hopLatencyNs: must be > 0, found 0",
                load(root -> at(root, "noc").put("hopLatencyNs", 0)));
    }

    @Test
    void peakBelowStaticPlusDynamicIsRejected() throws IOException {
        // The original tool's 6-bit ADC, uncorrected.
        String m = load(root -> at(root, "adcs", "1").put("peakPowerMw", 0.126));
        assertEquals("$.adcs[1].peakPowerMw: 0.126 is below staticPowerMw + dynamicPowerMw = 1.08; "
                + "the peak must cover both", m);
    }

    @Test
    void crossbarSizeWithoutEveryCellResolutionIsAGap() throws IOException {
        String m = load(root -> array(root, "crossbars").remove(5));
        assertEquals("$.crossbars: no 256x256 crossbar with 4-bit cells; every size must list every cell "
                + "resolution (sizes 128, 256, 512; cell bits 1, 2, 4)", m);
    }

    @Test
    void repeatedCrossbarIsRejected() throws IOException {
        String m = load(root -> array(root, "crossbars").add(at(root, "crossbars", "4").deepCopy()));
        assertEquals("$.crossbars[9]: repeats $.crossbars[4] (256x256, 2-bit cells); each size and cell "
                + "resolution may appear once", m);
    }

    @Test
    void crossbarSizeMustBeAPowerOfTwo() throws IOException {
        String m = load(root -> at(root, "crossbars", "0").put("sizeRows", 96));
        assertEquals("$.crossbars[0].sizeRows: 96 is not a power of two; crossbars are 2^k rows square", m);
    }

    @Test
    void adcResolutionInsideTheTableButMissingIsAGap() throws IOException {
        // 10 bits serve XbSize 128 with 2-bit cells and 2-bit DACs (7 + 2 + 2 - 1).
        String m = load(root -> array(root, "adcs").remove(5));
        assertEquals("$.adcs: no 10-bit ADC, which XbSize 128 with 1-bit cells and 4-bit DACs needs; the table "
                + "covers 4 to 14 bits, so add it or drop that combination from $.search.designSpace", m);
    }

    @Test
    void adcsAboveTheLargestAreSkippedButNoneAtAllIsAnError() throws IOException {
        String m = load(root -> {
            ArrayNode adcs = array(root, "adcs");
            while (adcs.size() > 1) {
                adcs.remove(1);
            }
        });
        assertTrue(m.startsWith("$.search.designSpace: no combination of xbSizeRows, resRramBits and resDacBits "
                + "has the ADC it needs"), m);
    }

    @Test
    void repeatedAdcResolutionIsRejected() throws IOException {
        String m = load(root -> at(root, "adcs", "2").put("resolutionBits", 8));
        assertEquals("$.adcs[3]: repeats the 8-bit ADC of $.adcs[2]; each resolution may appear once", m);
    }

    @Test
    void dacResolutionTheSearchNeedsMustBeListed() throws IOException {
        String m = load(root -> array(root, "dacs").remove(1));
        assertEquals("$.search.designSpace.resDacBits[1]: 2 is no DAC resolution in $.dacs (available: 1, 4)", m);
    }

    @Test
    void scratchpadCapacityMustBeAPowerOfTwo() throws IOException {
        String m = load(root -> at(root, "scratchpads", "1").put("capacityKb", 96));
        assertEquals("$.scratchpads[1].capacityKb: 96 is not a power of two", m);
    }

    @Test
    void scratchpadCapacitiesMustIncreaseStrictly() throws IOException {
        String m = load(root -> {
            ArrayNode pads = array(root, "scratchpads");
            pads.insert(0, pads.remove(1));
        });
        assertEquals("$.scratchpads[1].capacityKb: 64 KB does not exceed the 128 KB before it; capacities must "
                + "increase strictly", m);
    }

    @Test
    void missingAluKindIsNamed() throws IOException {
        String m = load(root -> array(root, "alus").remove(4));
        assertEquals("$.alus: no 'sigmoid' unit; each kind must appear once: shiftAdd, add, pool, relu, "
                + "sigmoid, eltwise", m);
    }

    @Test
    void unknownAluKindListsTheKnownOnes() throws IOException {
        String m = load(root -> at(root, "alus", "0").put("kind", "shiftadd"));
        assertEquals("$.alus[0].kind: unknown kind 'shiftadd'; allowed: shiftAdd, add, pool, relu, sigmoid, "
                + "eltwise", m);
    }

    @Test
    void ratioRramOutsideZeroToOneIsOutOfRange() throws IOException {
        String m = load(root -> array(root, "search", "designSpace", "ratioRram").set(6, DoubleNode.valueOf(1.2)));
        assertEquals("$.search.designSpace.ratioRram[6]: must be > 0 and < 1, found 1.2", m);
    }

    @Test
    void searchListsMustIncreaseStrictly() throws IOException {
        String m = load(root -> array(root, "search", "designSpace", "xbSizeRows").set(2, IntNode.valueOf(256)));
        assertEquals("$.search.designSpace.xbSizeRows[2]: 256 does not follow 256; the list must be strictly "
                + "increasing", m);
    }

    @Test
    void searchListValueWithoutAComponentIsRejected() throws IOException {
        assertEquals("$.search.designSpace.xbSizeRows[2]: 1024 is no crossbar size in $.crossbars (available: "
                        + "128, 256, 512)",
                load(root -> array(root, "search", "designSpace", "xbSizeRows").set(2, IntNode.valueOf(1024))));
        assertEquals("$.search.designSpace.resRramBits[2]: 3 is no crossbar cell resolution in $.crossbars "
                        + "(available: 1, 2, 4)",
                load(root -> array(root, "search", "designSpace", "resRramBits").set(2, IntNode.valueOf(3))));
        assertEquals("$.search.designSpace.resDacBits[2]: must be an integer in [1, 16], found 32",
                load(root -> array(root, "search", "designSpace", "resDacBits").set(2, IntNode.valueOf(32))));
    }

    @Test
    void emptySearchListIsRejected() throws IOException {
        assertEquals("$.search.designSpace.resRramBits: must not be empty",
                load(root -> array(root, "search", "designSpace", "resRramBits").removeAll()));
    }

    @Test
    void annealingMustCoolFromInitialToFinalTemperature() throws IOException {
        assertEquals("$.search.annealing.finalTemperature: 1000.0 is not below initialTemperature 1000.0; "
                        + "annealing cools from the initial to the final temperature",
                load(root -> at(root, "search", "annealing").put("finalTemperature", 1000)));
        assertEquals("$.search.annealing.coolingFactor: must be > 0 and < 1, found 1",
                load(root -> at(root, "search", "annealing").put("coolingFactor", 1)));
    }

    @Test
    void evolutionProbabilitiesAndMacroSizesAreChecked() throws IOException {
        assertEquals("$.search.evolution.macroSharingMutationProbability: must be in [0, 1], found 1.5",
                load(root -> at(root, "search", "evolution").put("macroSharingMutationProbability", 1.5)));
        assertEquals("$.search.evolution.macroSizeStepCrossbars: 64 does not divide macroSizeMaxCrossbars - "
                        + "macroSizeMinCrossbars = 480; the sizes must run from min to max in whole steps",
                load(root -> at(root, "search", "evolution").put("macroSizeStepCrossbars", 64)));
        assertEquals("$.search.evolution.eliteRatio: must be > 0 and <= 1, found 0",
                load(root -> at(root, "search", "evolution").put("eliteRatio", 0)));
    }

    @Test
    void blankSourceIsRejected() throws IOException {
        assertEquals("$.dacs[0].source: must not be blank",
                load(root -> at(root, "dacs", "0").set("source", TextNode.valueOf("  "))));
    }

    @Test
    void unsupportedFormatVersionIsNamed() throws IOException {
        assertEquals("$.formatVersion: unsupported version 3; this pimsyn reads versions 1 and 2",
                load(root -> root.put("formatVersion", 3)));
    }

    @Test
    void malformedJsonIsReportedWithLineAndColumn() throws IOException {
        Path file = dir.resolve("malformed.json");
        Files.writeString(file, "{\n  \"formatVersion\": 1,\n  \"clock\": {\"frequencyGhz\": 1.2,}\n}\n");
        String m = failure(file);
        assertTrue(m.startsWith("line 3, column 33: malformed JSON: "), m);
    }

    @Test
    void truncatedJsonIsMalformed() throws IOException {
        Path file = dir.resolve("truncated.json");
        String text = LibraryVariants.defaultText();
        Files.writeString(file, text.substring(0, text.length() / 2));
        assertTrue(failure(file).matches("line \\d+, column \\d+: malformed JSON: .*"));
    }

    @Test
    void duplicateKeyIsMalformed() throws IOException {
        Path file = dir.resolve("duplicate.json");
        Files.writeString(file, "{\"formatVersion\": 1, \"formatVersion\": 1}");
        String m = failure(file);
        assertTrue(m.startsWith("line 1, column ") && m.contains("malformed JSON: Duplicate field 'formatVersion'"), m);
    }

    @Test
    void trailingContentAfterTheObjectIsMalformed() throws IOException {
        Path file = dir.resolve("trailing.json");
        Files.writeString(file, LibraryVariants.defaultText() + "\n{}\n");
        assertTrue(failure(file).contains("malformed JSON: Trailing token"));
    }

    @Test
    void rootThatIsNotAnObjectIsRejected() throws IOException {
        Path file = dir.resolve("array.json");
        Files.writeString(file, "[1, 2]");
        assertEquals("$: expected an object, found an array", failure(file));
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        Path file = dir.resolve("empty.json");
        Files.writeString(file, "");
        assertEquals("empty file; expected a JSON object", failure(file));
    }

    @Test
    void missingFileAndDirectoryAreBadInput() throws IOException {
        assertEquals("no such file; expected a hardware library JSON file", failure(dir.resolve("absent.json")));
        assertEquals("is a directory; expected a hardware library JSON file", failure(dir));
    }

    @Test
    void fileThatIsNotUtf8IsRejected() throws IOException {
        Path file = dir.resolve("latin1.json");
        Files.write(file, "{\"description\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("not UTF-8 text; expected a hardware library JSON file", failure(file));
    }

    @Test
    void settingAnyNumberToMinusOneIsRejectedAtThatNumbersPath() {
        ObjectNode base = LibraryVariants.defaultTree();
        int count = LibraryVariants.leaves(base).size();
        int checked = 0;
        for (int i = 0; i < count; i++) {
            ObjectNode root = base.deepCopy();
            LibraryVariants.Leaf leaf = LibraryVariants.leaves(root).get(i);
            if (!leaf.value().isNumber()) {
                continue;
            }
            leaf.set(IntNode.valueOf(-1));
            String text = root.toString();
            InputException e = assertThrows(InputException.class, () -> HardwareLibrary.parse(text, "v.json"),
                    leaf.path());
            assertTrue(e.getMessage().startsWith("v.json: " + leaf.path() + ": "), e.getMessage());
            checked++;
        }
        assertTrue(checked > 250, "numbers checked: " + checked);
    }

    @Test
    void removingAnyRequiredKeyIsRejectedAtThatKeysPathAndOptionalOnesLoad() {
        // The NoC's link leakage, the other components and a component's actions are optional too.
        Set<String> optional = Set.of("description", "note", "energyPerActionPj", "linkStaticPowerMw",
                "otherComponents", "actions");
        // An other component without its placement is named at perMacro, the first of the five keys.
        Set<String> placements = Set.of("perMacro", "perChip", "perCrossbar", "perCrossbarRow", "perCrossbarColumn");
        ObjectNode base = LibraryVariants.defaultTree();
        int count = LibraryVariants.keys(base).size();
        for (int i = 0; i < count; i++) {
            ObjectNode root = base.deepCopy();
            LibraryVariants.Leaf key = LibraryVariants.keys(root).get(i);
            ((ObjectNode) key.parent()).remove(key.key());
            String text = root.toString();
            // The limits section and each limit in it are optional; a limit given needs its max and source.
            boolean optionalLimit = key.path().equals("$.limits") || key.path().matches("\\$\\.limits\\.[A-Za-z]+");
            if (optional.contains(key.key()) || optionalLimit) {
                HardwareLibrary.parse(text, "v.json");
            } else {
                InputException e = assertThrows(InputException.class, () -> HardwareLibrary.parse(text, "v.json"),
                        key.path());
                String path = placements.contains(key.key())
                        ? key.path().substring(0, key.path().lastIndexOf('.') + 1) + "perMacro" : key.path();
                assertTrue(e.getMessage().startsWith("v.json: " + path + ": missing; "), e.getMessage());
            }
        }
        assertTrue(count > 300, "keys checked: " + count);
    }

    @Test
    void misspellingAnyKeyIsRejectedAsUnknownAtTheMisspelledPath() {
        ObjectNode base = LibraryVariants.defaultTree();
        int count = LibraryVariants.keys(base).size();
        for (int i = 0; i < count; i++) {
            ObjectNode root = base.deepCopy();
            LibraryVariants.Leaf key = LibraryVariants.keys(root).get(i);
            ObjectNode parent = (ObjectNode) key.parent();
            parent.set(key.key() + "s", parent.remove(key.key()));
            String text = root.toString();
            InputException e = assertThrows(InputException.class, () -> HardwareLibrary.parse(text, "v.json"));
            assertTrue(e.getMessage().startsWith("v.json: " + key.path() + "s: unknown key"), e.getMessage());
        }
        assertTrue(count > 300, "keys checked: " + count);
    }
}
