package org.pimsyn.synth.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.hardware.PhysicalLimits;

/** A library without the limits section hashes as it did before the section existed, so old checkpoints resume. */
class RunFingerprintLimitsTest {
    /**
     * The hash of {@code configs/hardware/default.json} without its {@code limits} section, as pimsyn computed it
     * before the section existed. Where the default library's figures change, this changes with them: recompute it
     * then (the test's message shows the new value).
     */
    private static final String DEFAULT_WITHOUT_LIMITS =
            "sha256:1903cb277b03a33b0abe1b2c3a613db47a760d1ff8c1f503fb0fb2dae58f336b";

    private static String defaultWithoutLimits() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = RunFingerprintLimitsTest.class.getResourceAsStream("/configs/hardware/default.json")) {
            ObjectNode root = (ObjectNode) json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            root.remove("limits");
            return json.writeValueAsString(root);
        }
    }

    @Test
    void aLibraryWithoutLimitsKeepsItsHash() throws IOException {
        HardwareLibrary old = HardwareLibrary.parse(defaultWithoutLimits(), "old.json");
        assertEquals(DEFAULT_WITHOUT_LIMITS, RunFingerprint.library(old));
        assertEquals(DEFAULT_WITHOUT_LIMITS,
                RunFingerprint.library(HardwareLibrary.builtIn().withLimits(PhysicalLimits.NONE)));
    }

    @Test
    void theLimitsAreInTheHash() {
        HardwareLibrary builtIn = HardwareLibrary.builtIn();
        assertNotEquals(DEFAULT_WITHOUT_LIMITS, RunFingerprint.library(builtIn));
        PhysicalLimits l = builtIn.limits();
        PhysicalLimits wider = new PhysicalLimits(l.crossbarsPerMacro(), l.columnsPerAdc(), l.meshRows(),
                new org.pimsyn.synth.hardware.PhysicalLimit(15, l.meshCols().source()), l.note());
        assertNotEquals(RunFingerprint.library(builtIn), RunFingerprint.library(builtIn.withLimits(wider)));
    }
}
