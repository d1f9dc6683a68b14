package org.pimsyn.synth.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.engine.RunPlan;
import org.pimsyn.synth.design.MacroMode;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.explore.DesignPointTask;
import org.pimsyn.synth.explore.SearchedDesignPoint;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.network.zoo.NetworkZoo;
import org.pimsyn.synth.stage.allocation.AllocationMode;
import org.pimsyn.synth.stage.duplication.DuplicationMode;

class RequestTextTest {
    @SuppressWarnings("unchecked")
    private static <T> T overTheWire(T value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theSmallRequestIsRebuiltEqualFromItsText() {
        SynthesisRequest request = Explorations.request();
        assertEquals(request, overTheWire(RequestText.of(request)).toRequest());
    }

    @Test
    void zooNetworksWithTheBuiltInLibraryAreRebuiltEqual() {
        for (String model : new String[] {"alexnet", "resnet18", "msra-a"}) {
            SynthesisRequest request = new SynthesisRequest(NetworkZoo.build(model),
                    HardwareLibrary.builtIn(), 49_000, MacroMode.UNIFIED, false, 7, 3, 1);
            assertEquals(request, overTheWire(RequestText.of(request)).toRequest(), model);
        }
    }

    @Test
    void theStageModesComeBackAsTheyWere() {
        SynthesisRequest request = Explorations.request().withDuplication(DuplicationMode.PROPORTIONAL)
                .withAllocation(AllocationMode.BALANCED);
        assertEquals(request, overTheWire(RequestText.of(request)).toRequest());
    }

    @Test
    void aFitnessRunsBuffersComeBackAsTheyWere() {
        SynthesisRequest small = Explorations.request();
        SynthesisRequest request = new SynthesisRequest(small.network(), small.library(), small.totalPowerMw(),
                small.macroMode(), small.macroSharing(), small.genes(), small.generations(),
                RunPlan.untilSteady().withSampleHoldSlots(3).withInputRegisterSlots(1).withOutputRegisterSlots(0));
        assertEquals(request, overTheWire(RequestText.of(request)).toRequest());
    }

    @Test
    void tasksAndOutcomesComeBackExactly() {
        for (SearchedDesignPoint p : Explorations.local(Explorations.request()).searched()) {
            DesignPointTask task = new DesignPointTask(p.point(), p.outcome().duplication(), p.candidateIndex() * 31L);
            assertEquals(task, overTheWire(ShippedTask.of(task)).toTask());
            Explorations.assertSameOutcome(p.outcome(), overTheWire(ShippedOutcome.of(p.outcome())).toOutcome(task),
                    p.point().toString());
        }
    }
}
