package org.pimsyn.synth.explore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.SynthesisRequest;

/**
 * Searches one batch of design points and counts them in batch order. Each point takes its outcome from the
 * checkpoint, from an earlier search of its key, or from a search of its own, run on the executor with those of the
 * other points; whichever it is, it is counted the same way, so the result depends on neither the executor nor the
 * checkpoint.
 *
 * <p>A search the time budget stopped part-way gives nothing: the points of its key in this batch are neither
 * counted nor recorded in the checkpoint, so a resumed run searches them again, with their own seed, to the outcome
 * of a run never stopped. The points whose searches ended are counted and recorded as usual; the batch being the
 * last, they change no pruning decision.
 */
final class BatchSearch {
    private final SynthesisRequest request;
    private final DesignPointExecutor executor;
    private final BatchSchedule schedule;
    private final CheckpointReplay replay;
    private final ExplorationCheckpoint checkpoint;
    private final SharedSearches shared;
    private final TopDesigns top;
    private final ParetoFront front;
    private final ExplorationTally tally;
    private final ExplorationListener listener;

    BatchSearch(SynthesisRequest request, DesignPointExecutor executor, BatchSchedule schedule,
            CheckpointReplay replay, ExplorationCheckpoint checkpoint, SharedSearches shared, TopDesigns top,
            ParetoFront front, ExplorationTally tally, ExplorationListener listener) {
        this.request = request;
        this.executor = executor;
        this.schedule = schedule;
        this.replay = replay;
        this.checkpoint = checkpoint;
        this.shared = shared;
        this.top = top;
        this.front = front;
        this.tally = tally;
        this.listener = listener;
    }

    /** @return the points of the batch left neither searched nor counted because the time budget stopped them */
    int run(List<PlannedDesignPoint> batch) {
        Standing bar = new Standing(top.bar(), front.copy());
        long[] doneNs = new long[batch.size()];
        PointOutcome[] outcomes = takeRecorded(batch, bar, doneNs);
        // One search per key: the first point of a key not searched yet runs it, the others take its outcome.
        List<DesignPointTask> jobs = new ArrayList<>(batch.size());
        List<Integer> slots = new ArrayList<>(batch.size());
        Set<SearchKey> searching = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            PlannedDesignPoint p = batch.get(i);
            PointOutcome earlier = shared.get(p.searchKey());
            if (outcomes[i] != null || earlier != null && earlier.canServe(p.order(), bar)
                    || !searching.add(p.searchKey())) {
                continue;
            }
            slots.add(i);
            jobs.add(p.task());
        }
        List<CandidateOutcome> searchedNow = executor.searchAll(request, jobs, (job, outcome) -> {
            int slot = slots.get(job);
            doneNs[slot] = schedule.nanosSinceStart();
            checkpoint.record(CheckpointReplay.finished(batch.get(slot), PointOutcome.searched(outcome), bar));
            listener.searched();
        });
        Set<SearchKey> stopped = new HashSet<>();
        for (int k = 0; k < slots.size(); k++) {
            SearchKey key = batch.get(slots.get(k)).searchKey();
            if (searchedNow.get(k) == null) {
                stopped.add(key);
                continue;
            }
            outcomes[slots.get(k)] = PointOutcome.searched(searchedNow.get(k));
            shared.put(key, outcomes[slots.get(k)]);
        }
        double before = top.bestFitness();
        int notCounted = 0;
        for (int i = 0; i < batch.size(); i++) {
            PlannedDesignPoint p = batch.get(i);
            if (outcomes[i] == null && stopped.contains(p.searchKey())) {
                notCounted++;
                continue;
            }
            if (outcomes[i] == null) {
                outcomes[i] = shared.get(p.searchKey()).at(p);
                doneNs[i] = schedule.nanosSinceStart();
                checkpoint.record(CheckpointReplay.finished(p, outcomes[i], bar));
                listener.searched();
            }
            boolean sharedSearch = !shared.firstCounted(p.searchKey());
            if (sharedSearch) {
                tally.reused();
            } else {
                tally.searched(outcomes[i].outcome().evaluations());
            }
            count(p, outcomes[i]);
            shared.visited(p.searchKey());
            listener.searched(new SearchedDesignPoint(p.candidateIndex(), p.candidates(), outcomes[i].outcome(),
                    outcomes[i].found(), sharedSearch, top.bestFitness(), doneNs[i], outcomes[i].figures()));
        }
        if (!top.isEmpty() && top.bestFitness() != before) {
            listener.bestFitness(top.bestFitness());
        }
        return notCounted;
    }

    /** The outcomes the checkpoint holds that need no search, offered to the points sharing them; null elsewhere. */
    private PointOutcome[] takeRecorded(List<PlannedDesignPoint> batch, Standing bar, long[] doneNs) {
        PointOutcome[] outcomes = new PointOutcome[batch.size()];
        int taken = 0;
        for (int i = 0; i < batch.size(); i++) {
            PlannedDesignPoint p = batch.get(i);
            outcomes[i] = replay.take(p, bar);
            if (outcomes[i] != null) {
                shared.offer(p.searchKey(), outcomes[i]);
                doneNs[i] = schedule.nanosSinceStart();
                taken++;
            }
        }
        if (taken > 0) {
            listener.fromCheckpoint(taken);
        }
        return outcomes;
    }

    private void count(PlannedDesignPoint p, PointOutcome o) {
        if (!tally.counted(o)) {
            return;
        }
        CandidateOutcome outcome = o.outcome();
        if (!outcome.found()) {
            // Taken from a checkpoint without its design, which CheckpointReplay allows only below the top and the
            // front.
            if (new Standing(top.bar(), front).needsDesign(p.order(), true, outcome.fitness(), o.figures())) {
                throw new IllegalStateException(p.key() + " would be reported without its design");
            }
            return;
        }
        RankedDesign ranked = new RankedDesign(p.order(), p.candidateIndex(), p.candidates(), outcome);
        top.add(ranked);
        front.add(ranked, o.figures());
    }
}
