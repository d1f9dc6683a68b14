package org.pimsyn.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.TestDesigns;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.ir.IrProgram;

/**
 * The event loop's schedules, pinned: digests of every IR start and end (image, IR, cycle, in the order the
 * observer saw them), every queue-depth change, and every figure a run measures, over generated programs of the
 * compiled shape and random ones (ids in and out of topological order), under both arbitrations, with the default
 * back-pressure and without any, for one image, a few images and a run until steady. The constants were taken from
 * the event loop before its speed-ups (sorted rings per image in the resource queues, lazily initialized
 * predecessor counts): a speed-up must leave every schedule exactly as it was. They were taken again when runs
 * until steady began to stop also where the schedule repeats with arrivals that ready nothing (periods up to 6): those
 * runs stop earlier, and {@link SteadyStateTest} checks that what they ran is what a long run runs. And again when
 * arrivals began to follow the ends (the first window at cycle 0, then image k at the end of image k - window),
 * which changes every schedule of more than one image; and when a repetition came to be recognized at one image's
 * end from the images in flight, which stops runs until steady sooner (a fixed run's schedule does not change), with
 * the latency in the stream the longest over the last period of a repeating schedule.
 */
class ScheduleDigestTest {
    private static final long SEED = 1125899906842597L;

    @Test
    void programsOfTheCompiledShapeKeepTheirSchedules() {
        SplittableRandom rnd = new SplittableRandom(7_2026);
        SimulationEngine engine = new SimulationEngine();
        long h = SEED;
        for (int c = 0; c < 250; c++) {
            LayeredPrograms.Case k = LayeredPrograms.generate(rnd);
            h = digestAllPlans(h, engine, k.design(), k.program(), 2 + rnd.nextInt(3));
        }
        assertEquals(-816487555055223283L, h);
    }

    @Test
    void randomProgramsKeepTheirSchedules() {
        SplittableRandom rnd = new SplittableRandom(8_2026);
        SimulationEngine engine = new SimulationEngine();
        long h = SEED;
        for (int c = 0; c < 250; c++) {
            Accelerator acc = RandomCases.design(rnd);
            IrProgram p = RandomCases.program(rnd, acc, 60);
            if (rnd.nextBoolean()) {
                p = PeRegistersTest.renumbered(p, rnd);
            }
            h = digestAllPlans(h, engine, acc, p, 2 + rnd.nextInt(3));
        }
        assertEquals(-4449818382409479210L, h);
    }

    /** Larger random programs: more IRs waiting per resource, more images in flight. */
    @Test
    void largerRandomProgramsKeepTheirSchedules() {
        SplittableRandom rnd = new SplittableRandom(9_2026);
        SimulationEngine engine = new SimulationEngine();
        long h = SEED;
        for (int c = 0; c < 30; c++) {
            Accelerator acc = RandomCases.design(rnd);
            IrProgram p = RandomCases.program(rnd, acc, 400);
            if (rnd.nextBoolean()) {
                p = PeRegistersTest.renumbered(p, rnd);
            }
            h = digestAllPlans(h, engine, acc, p, 5);
        }
        assertEquals(-7512202635350917014L, h);
    }

    private static long digestAllPlans(long h, SimulationEngine engine, Accelerator acc, IrProgram p, int images) {
        for (Arbitration order : Arbitration.values()) {
            for (boolean backPressure : new boolean[] {true, false}) {
                for (RunPlan plan : new RunPlan[] {RunPlan.images(1), RunPlan.images(images), RunPlan.untilSteady()}) {
                    RunPlan asked = plan.withArbitration(order);
                    if (!backPressure) {
                        asked = asked.withSampleHoldSlots(0).withInputRegisterSlots(0).withOutputRegisterSlots(0);
                    }
                    // Unobserved first (the search's path), then observed: the same program and plan, so the
                    // observed run must run the loop again (the engine repeats only unobserved runs).
                    h = digest(h, engine.run(acc, TestDesigns.library(), p, asked, null));
                    RecordingObserver obs = new RecordingObserver();
                    h = digest(h, engine.run(acc, TestDesigns.library(), p, asked, obs));
                    h = digest(h, obs);
                }
            }
        }
        return h;
    }

    private static long mix(long h, long x) {
        return 31 * h + x;
    }

    static long digest(long h, RecordingObserver obs) {
        for (String event : obs.order) {
            h = mix(h, event.hashCode());
        }
        for (long[] depth : obs.queueDepths) {
            h = mix(mix(mix(h, depth[0]), depth[1]), depth[2]);
        }
        return mix(h, obs.finishedCycles);
    }

    static long digest(long h, Activity a) {
        h = mix(h, a.images());
        h = mix(h, a.cycles());
        for (int i = 0; i < a.images(); i++) {
            h = mix(h, a.imageEndCycle(i));
            for (int l = 0; l < a.layerCount(); l++) {
                h = mix(mix(h, a.layerFirstStart(i, l)), a.layerLastEnd(i, l));
            }
        }
        h = mix(h, a.intervalCycles());
        h = mix(h, a.scheduleRepeated() ? a.repeatedPeriodImages() : -1);
        h = mix(h, a.intervalConverged() ? 1 : 0);
        h = mix(h, a.streamLatencyCycles());
        h = mix(h, a.latencyAloneCycles());
        for (int r = 0; r < a.resources().size(); r++) {
            h = mix(h, a.waitCycles(r));
        }
        h = mix(h, a.sampleHoldWaitCycles());
        h = mix(h, a.inputRegisterWaitCycles());
        h = mix(h, a.outputRegisterWaitCycles());
        for (int m = 0; m < a.accelerator().macros().size(); m++) {
            h = mix(h, a.scratchpadHighWaterBits(m));
        }
        return h;
    }
}
