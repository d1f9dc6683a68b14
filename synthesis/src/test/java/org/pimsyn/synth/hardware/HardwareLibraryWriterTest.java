package org.pimsyn.synth.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class HardwareLibraryWriterTest {
    private static HardwareLibrary reread(HardwareLibrary library) {
        return HardwareLibrary.parse(HardwareLibraryWriter.toJson(library), library.origin());
    }

    @Test
    void theBuiltInLibraryReadsBackEqual() {
        HardwareLibrary builtIn = HardwareLibrary.builtIn();
        assertEquals(builtIn, reread(builtIn));
    }

    @Test
    void statedEnergiesNotesAndUnroundedDecimalsReadBackEqual() {
        String text = LibraryVariants.edited(root -> {
            LibraryVariants.at(root, "adcs", "2").put("energyPerActionPj", 0.1 + 0.2);
            LibraryVariants.at(root, "alus", "0").put("energyPerActionPj", 1e-7);
            LibraryVariants.at(root, "crossbars", "3").put("note", "a note with \"quotes\" and ünïcode");
            LibraryVariants.at(root, "scratchpads", "0").put("readEnergyPj", 1.0 / 3);
            LibraryVariants.at(root, "noc").put("note", "mesh links");
            ArrayNode ratios = LibraryVariants.array(root, "search", "designSpace", "ratioRram");
            ratios.removeAll();
            ratios.add(0.1).add(2.0 / 3);
            LibraryVariants.at(root, "search", "evolution").put("eliteRatio", 0.7000000000000001);
        });
        HardwareLibrary library = HardwareLibrary.parse(text, "edited.json");
        assertTrue(library.adcs().get(2).power().energyGiven());
        assertEquals(library, reread(library));
        assertEquals(0.1 + 0.2, reread(library).adcs().get(2).power().energyPerActionPj());
    }

    @Test
    void derivedEnergiesAreLeftOutAndDerivedAgain() {
        HardwareLibrary builtIn = HardwareLibrary.builtIn();
        assertFalse(builtIn.crossbars().get(0).power().energyGiven());
        String json = HardwareLibraryWriter.toJson(builtIn);
        assertFalse(json.contains("energyPerActionPj"), "no energy is stated in the built-in library");
        assertEquals(builtIn.crossbars().get(0).power(), reread(builtIn).crossbars().get(0).power());
    }

    @Test
    void writingTheTextReadBackGivesTheSameText() {
        ObjectNode root = LibraryVariants.defaultTree();
        LibraryVariants.at(root, "dacs", "0").put("energyPerActionPj", 0.25);
        HardwareLibrary library = HardwareLibrary.parse(root.toString(), "x.json");
        String once = HardwareLibraryWriter.toJson(library);
        assertEquals(once, HardwareLibraryWriter.toJson(HardwareLibrary.parse(once, "x.json")));
    }
}
