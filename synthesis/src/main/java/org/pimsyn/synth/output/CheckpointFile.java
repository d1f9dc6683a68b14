package org.pimsyn.synth.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pimsyn.synth.InputException;
import org.pimsyn.sim.InvalidSimulationInputException;
import org.pimsyn.synth.design.Design;
import org.pimsyn.synth.design.DesignFigures;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.explore.DesignPointKey;
import org.pimsyn.synth.explore.ExplorationCheckpoint;
import org.pimsyn.synth.explore.FinishedDesignPoint;
import org.pimsyn.synth.io.AtomicFiles;
import org.pimsyn.synth.io.CreatedDirectories;
import org.pimsyn.synth.io.InputFiles;
import org.pimsyn.synth.io.JsonObjectFields;
import org.pimsyn.synth.objective.Objective;
import org.pimsyn.synth.objective.Objectives;
import org.pimsyn.synth.stage.partition.PartitionEvolution;

/**
 * {@code checkpoint.jsonl}, the checkpoint of a synthesis run in its output directory. The first line names the
 * run ({@code format}, {@code formatVersion} and the {@link RunFingerprint} under {@code run}); each further line is
 * one finished design point, in the order searches ended, as compact JSON: its order, point and duplication
 * candidate, what its search gave, and under {@code design} its design where that could still enter the top designs.
 * A design point's fitness goes under its objective's JSON key; the header names the objective only where it is not
 * the default, so that a checkpoint of the default objective reads the same as one written before objectives had
 * names, and one without the name is read as of the default.
 *
 * <p>A kill at any instant leaves a checkpoint that resumes: the header is renamed into place whole, and each design
 * point is appended in one write of its line and newline, so only the last line can be torn. Reading ignores a last
 * line without its newline, and cuts it off before appending. While open, the output directory's {@link RunLock} is
 * held, taken before the file is touched, so that two runs never write into one output directory at once.
 *
 * <p>What a resume takes on trust. A line with a design must agree with it: its fitness is the objective's value of
 * the design's recorded performance, and the design reads and checks as a design file does (its summary included).
 * A line without a design could not enter the top designs when written; its fitness and history only decide whether
 * the point is taken or searched again and what the statistics and the log say, so they are held to what is possible:
 * finite, not negative, 0 where nothing was found, and within the design point's proven bound. Re-checking
 * more would mean searching again, the cost the checkpoint exists to save.
 */
public final class CheckpointFile implements ExplorationCheckpoint, AutoCloseable {
    public static final String FORMAT = "pimsyn-checkpoint";
    /**
     * Version 4: fitness values of fitness runs whose images arrive as the image an admission window before them ends;
     * a version 3 checkpoint's come from images arriving paced at the bound. Version 3: stage 1 always has the proportional duplication among its candidates, and the run records its
     * duplication and allocation modes; a version 2 checkpoint's design points are those of other candidates. Version 2: fitness runs stream images until the interval converges, oldest image first; a version
     * 1 checkpoint's fitness values come from two-image runs in earliest-ready order. None of the earlier versions can be
     * continued.
     */
    public static final int FORMAT_VERSION = 4;

    private static final String[] HEADER_KEYS = {"format", "formatVersion", "run"};
    private static final String TOP_DESIGNS_KEY = "topDesigns";
    /** What runs kept before the number was recorded: always 10. */
    private static final int UNRECORDED_TOP_DESIGNS = 10;
    private static final String OBJECTIVE_KEY = "objective";
    private static final String AREA_LIMIT_KEY = "areaLimitMm2";
    /**
     * Most bytes a checkpoint may have: 256 MiB, where a JSON input may have 16 MiB, since a checkpoint holds a design
     * per line that could enter the top designs. Measured: ResNet18 at 49 W with 10 top designs (a search of 2 genes
     * and 1 generation, which visits as many points as the default) wrote 84 lines, 1.1 MB: 24 with a design of
     * 47 KB (its network nodes 23 KB, its component library 11 KB), the others some 350 bytes plus 19 per generation
     * of history, 1.3 KB at the default 50 generations. So 256 MiB holds over 5,000 such designs, some 200 times that
     * run; reading takes about three times the file's size of memory.
     */
    static final long MAX_BYTES = 256L << 20;
    /**
     * How far above a design point's bound a recorded fitness may lie before it counts as impossible: the bound is
     * computed apart from the simulation, and a difference in the last digits is no proof of a changed file.
     */
    private static final double BOUND_SLACK = 1e-9;

    /** A design point's line but its design and its fitness (under the objective's key), bound strictly. */
    private record Line(int order, double ratioRram, int resRramBits, int xbSizeRows, int resDacBits, int adcBits,
            int candidateIndex, int candidates, int[] duplications, boolean found, String noDesignReason,
            long evaluations, double[] bestFitnessPerGeneration) {
    }

    /** A line's search dynamics, each field absent from checkpoints written before they were recorded. */
    private record DynamicsFields(int[] childrenPerGeneration, int[] childrenBeatingParentPerGeneration,
            double[] layersFromBestPerGeneration, String bestGeneOrigin) {
    }

    /** A design point read back, with the number of its line for messages. */
    private record Recorded(int line, FinishedDesignPoint point) {
    }

    private final Path file;
    private final Objective objective;
    private final CreatedDirectories directories;
    private final RunLock lock;
    private final FileChannel channel;
    private final List<Recorded> loaded;
    private boolean abandoned;
    private boolean closed;

    private CheckpointFile(Path file, Objective objective, CreatedDirectories directories, RunLock lock,
            FileChannel channel, List<Recorded> loaded) {
        this.file = file;
        this.objective = objective;
        this.directories = directories;
        this.lock = lock;
        this.channel = channel;
        this.loaded = loaded;
    }

    /** The checkpoint of a run whose files go to {@code directory}. */
    public static Path fileIn(Path directory) {
        return directory.resolve(SynthesisOutputs.CHECKPOINT_FILE);
    }

    /**
     * Starts the checkpoint of a new run in {@code directory}, creating the directory if needed and replacing any
     * checkpoint there: an earlier run is never mixed in.
     *
     * @throws InputException when another run holds the checkpoint
     */
    public static CheckpointFile start(Path directory, RunFingerprint run) {
        Path file = fileIn(directory);
        try {
            CreatedDirectories directories = CreatedDirectories.create(directory);
            // Locked before anything is written: a run that finds the directory taken leaves it as it was.
            RunLock lock = lock(directory, file);
            try {
                if (Files.isDirectory(file)) {
                    throw new InputException(file + ": is a directory; expected a pimsyn checkpoint file or none");
                }
                AtomicFiles.writeString(file, header(run) + "\n");
                FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
                channel.position(channel.size());
                return new CheckpointFile(file, Objectives.named(run.objective()), directories, lock, channel,
                        List.of());
            } catch (IOException | RuntimeException e) {
                lock.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens the checkpoint in {@code directory} to continue its run, or empty when there is none.
     *
     * @throws InputException naming the file, the line and the field when it is not a checkpoint of this run, is
     *                        damaged before its last line, is not a regular file or larger than
     *                        {@link #MAX_BYTES}, or is held by another run
     */
    public static Optional<CheckpointFile> resume(Path directory, RunFingerprint run) {
        Path file = fileIn(directory);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            CreatedDirectories directories = CreatedDirectories.create(directory);
            RunLock lock = lock(directory, file);
            try {
                if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    // The run that held the directory found no design and took its checkpoint away.
                    lock.close();
                    return Optional.empty();
                }
                // Before opening it: opening a pipe waits for a writer, and a device may never end.
                InputFiles.requireRegularFile(file, "pimsyn checkpoint");
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                try {
                    byte[] bytes = readAll(file, channel);
                    int end = 0;
                    for (int i = bytes.length - 1; i >= 0; i--) {
                        if (bytes[i] == '\n') {
                            end = i + 1;
                            break;
                        }
                    }
                    Objective objective = Objectives.named(run.objective());
                    List<Recorded> loaded = read(file, new String(bytes, 0, end, StandardCharsets.UTF_8), run,
                            objective);
                    // A torn last line goes, so that the next line starts where it started.
                    channel.truncate(end);
                    channel.position(end);
                    return Optional.of(new CheckpointFile(file, objective, directories, lock, channel, loaded));
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    throw e;
                }
            } catch (IOException | RuntimeException e) {
                lock.close();
                throw e;
            }
        } catch (IOException e) {
            throw new InputException(file + ": cannot read the checkpoint: " + e.getMessage());
        }
    }

    public Path file() {
        return file;
    }

    /** Design points read from the file when it was opened to resume (a point recorded twice counts once). */
    public int finishedDesignPoints() {
        return (int) loaded.stream().mapToInt(r -> r.point().key().order()).distinct().count();
    }

    /**
     * {@inheritDoc}
     *
     * @throws InputException naming the line when a point is not this run's, or when its fitness (or an entry of its
     *                        history) lies above the point's bound
     */
    @Override
    public Map<Integer, FinishedDesignPoint> recorded(List<DesignPointKey> designPoints, double[] scoreBounds) {
        Map<Integer, FinishedDesignPoint> byOrder = new LinkedHashMap<>();
        for (Recorded r : loaded) {
            DesignPointKey key = r.point().key();
            if (key.order() >= designPoints.size()) {
                throw new InputException(file + ": line " + r.line() + ": design point " + key.order()
                        + " lies beyond this run's " + designPoints.size() + " design points; the checkpoint is of "
                        + "another run: run without --resume to start over");
            }
            DesignPointKey expected = designPoints.get(key.order());
            if (!key.equals(expected)) {
                throw new InputException(file + ": line " + r.line() + ": the checkpoint's " + key
                        + " is not this run's " + expected + "; it was written by another version of pimsyn: run "
                        + "without --resume to start over");
            }
            double bound = scoreBounds[key.order()];
            withinBound(r.line(), "$." + objective.jsonKey(), r.point().fitness(), bound);
            double[] history = r.point().bestFitnessPerGeneration();
            for (int g = 0; g < history.length; g++) {
                withinBound(r.line(), "$.bestFitnessPerGeneration[" + g + "]", history[g], bound);
            }
            // A point searched again after a resume has its design; the later line is the one to take.
            byOrder.put(key.order(), r.point());
        }
        return byOrder;
    }

    private void withinBound(int line, String field, double value, double bound) {
        double score = objective.direction().score(value);
        if (score > bound + Math.abs(bound) * BOUND_SLACK) {
            throw new InputException(file + ": line " + line + ": " + field + ": " + value + " is more than any "
                    + "design of this design point can reach (" + objective.unit() + " at most " + bound + ", as "
                    + "proven from its hardware); the checkpoint was changed after it was written: run without "
                    + "--resume to start over");
        }
    }

    @Override
    public void record(FinishedDesignPoint point) {
        ByteBuffer line = ByteBuffer.wrap((line(point, objective) + "\n").getBytes(StandardCharsets.UTF_8));
        synchronized (this) {
            try {
                while (line.hasRemaining()) {
                    channel.write(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Marks the run as over without anything worth continuing (no design point could yield a design): closing
     * deletes the checkpoint, and the directories created for it when they are left empty.
     */
    public void abandon() {
        abandoned = true;
    }

    /** Releases the checkpoint; deletes it if {@link #abandon() abandoned}. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            try {
                channel.close();
                if (abandoned) {
                    Files.deleteIfExists(file);
                }
            } finally {
                lock.close();
            }
            if (abandoned) {
                directories.removeEmpty();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }

    /** The line of one design point of a run with this objective, without its newline. */
    static String line(FinishedDesignPoint point, Objective objective) {
        DesignPointKey key = point.key();
        ObjectNode o = OutputJson.MAPPER.createObjectNode();
        o.put("order", key.order());
        RunReports.putPoint(o, key.point(), key.candidateIndex(), key.candidates());
        ArrayNode dups = o.putArray("duplications");
        for (int d : key.duplications()) {
            dups.add(d);
        }
        ExplorationJournal.putSearch(o, objective, point.found(), point.fitness(), point.reason(),
                point.evaluations(), point.bestFitnessPerGeneration());
        ExplorationJournal.putDynamics(o, point.dynamics());
        if (point.figures() != null) {
            ExplorationJournal.putFigures(o, point.figures());
        }
        if (point.designKept()) {
            o.set("design", DesignJson.tree(point.design()));
        }
        return OutputJson.line(o);
    }

    static String header(RunFingerprint run) {
        ObjectNode o = OutputJson.MAPPER.createObjectNode();
        o.put("format", FORMAT);
        o.put("formatVersion", FORMAT_VERSION);
        ObjectNode fingerprint = (ObjectNode) OutputJson.tree(run);
        if (run.objective().equals(Objectives.DEFAULT.name())) {
            fingerprint.remove(OBJECTIVE_KEY);
        }
        o.set("run", fingerprint);
        return OutputJson.line(o);
    }

    /** The design points of the complete lines of {@code text}, after checking its header against {@code run}. */
    private static List<Recorded> read(Path file, String text, RunFingerprint run, Objective objective) {
        if (text.isEmpty()) {
            throw new InputException(file + ": line 1: no header line; not a pimsyn checkpoint");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        checkHeader(file + ": line 1", lines[0], run);
        List<Recorded> loaded = new ArrayList<>(lines.length - 1);
        for (int i = 1; i < lines.length; i++) {
            loaded.add(new Recorded(i + 1, point(file + ": line " + (i + 1), lines[i], objective)));
        }
        return loaded;
    }

    private static void checkHeader(String source, String line, RunFingerprint run) {
        JsonObjectFields root = JsonObjectFields.root(source, JsonObjectFields.parse(line, source), HEADER_KEYS);
        String format = root.text("format");
        if (!format.equals(FORMAT)) {
            throw root.error("format", "expected \"" + FORMAT + "\", found \"" + format + "\"");
        }
        int version = root.integer("formatVersion", 1, FORMAT_VERSION);
        if (version == 1) {
            throw new InputException(source + ": $.formatVersion: 1 is a checkpoint of an earlier "
                    + "timing model (two-image fitness runs, earliest-ready arbitration), whose fitness values "
                    + "this version would not reproduce; run without --resume to start over");
        }
        if (version == 2) {
            throw new InputException(source + ": $.formatVersion: 2 is a checkpoint of an earlier "
                    + "stage 1 (its candidates without the proportional duplication), whose design points this version "
                    + "would not reproduce; run without --resume to start over");
        }
        if (version < FORMAT_VERSION) {
            throw new InputException(source + ": $.formatVersion: " + version + " is a checkpoint of an earlier "
                    + "timing model (images arriving paced at the bound), whose fitness values this version would not "
                    + "reproduce; run without --resume to start over");
        }
        RunFingerprint recorded = OutputJson.read(completed(root.node("run", "an object")),
                RunFingerprint.class, source, root.pathOf("run"));
        // Written only where a run has one, the area limit is compared apart from the fields both runs write.
        if (Double.compare(recorded.areaLimitMm2(), run.areaLimitMm2()) != 0) {
            throw new InputException(source + ": $.run." + AREA_LIMIT_KEY + ": the checkpoint is of a run with "
                    + areaLimit(recorded.areaLimitMm2()) + ", this run has " + areaLimit(run.areaLimitMm2())
                    + "; run without --resume to start over");
        }
        JsonNode theirs = OutputJson.tree(recorded);
        JsonNode ours = OutputJson.tree(run);
        for (Iterator<String> fields = ours.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!ours.get(field).equals(theirs.get(field))) {
                throw new InputException(source + ": $.run." + field + ": the checkpoint is of a run with "
                        + shown(theirs.get(field)) + ", this run has " + shown(ours.get(field))
                        + "; run without --resume to start over");
            }
        }
    }

    /**
     * The run as recorded, with what a header leaves out: the number of top designs of a checkpoint written before it
     * was recorded (such a run kept 10, the only number there was), and the default objective.
     */
    private static JsonNode completed(JsonNode run) {
        if (!run.isObject() || run.has(TOP_DESIGNS_KEY) && run.has(OBJECTIVE_KEY) && run.has(AREA_LIMIT_KEY)) {
            return run;
        }
        ObjectNode completed = ((ObjectNode) run).deepCopy();
        if (!run.has(TOP_DESIGNS_KEY)) {
            completed.put(TOP_DESIGNS_KEY, UNRECORDED_TOP_DESIGNS);
        }
        if (!run.has(OBJECTIVE_KEY)) {
            completed.put(OBJECTIVE_KEY, Objectives.DEFAULT.name());
        }
        if (!run.has(AREA_LIMIT_KEY)) {
            completed.put(AREA_LIMIT_KEY, 0.0);
        }
        return completed;
    }

    private static String areaLimit(double mm2) {
        return mm2 == 0 ? "no area limit" : "an area limit of " + mm2 + " mm2";
    }

    private static String shown(JsonNode value) {
        String text = value.asText();
        // A content hash says enough in its first dozen digits.
        return text.startsWith("sha256:") ? text.substring(0, 19) + "..." : text;
    }

    private static FinishedDesignPoint point(String source, String text, Objective objective) {
        JsonNode tree = JsonObjectFields.parse(text, source);
        if (!tree.isObject()) {
            throw new InputException(source + ": expected a design point object");
        }
        ObjectNode fields = (ObjectNode) tree;
        JsonNode designTree = fields.remove("design");
        String fitnessField = "$." + objective.jsonKey();
        JsonNode fitnessTree = fields.remove(objective.jsonKey());
        if (fitnessTree == null) {
            throw new InputException(source + ": " + fitnessField + ": missing");
        }
        double fitness = OutputJson.read(fitnessTree, double.class, source, fitnessField);
        Map<String, JsonNode> figureFields = new LinkedHashMap<>();
        for (String key : ExplorationJournal.FIGURE_KEYS) {
            JsonNode value = fields.remove(key);
            if (value != null) {
                figureFields.put(key, value);
            }
        }
        DynamicsFields dynamicsFields = new DynamicsFields(
                optional(fields, "childrenPerGeneration", int[].class, source),
                optional(fields, "childrenBeatingParentPerGeneration", int[].class, source),
                optional(fields, "layersFromBestPerGeneration", double[].class, source),
                optional(fields, "bestGeneOrigin", String.class, source));
        Line line = OutputJson.read(fields, Line.class, source, "$");
        possible(source, fitnessField, fitness);
        if (!line.found() && fitness != 0) {
            throw new InputException(source + ": " + fitnessField + ": " + fitness + " with $.found false; a "
                    + "design point that found no design has fitness 0");
        }
        double[] history = line.bestFitnessPerGeneration();
        for (int g = 0; g < history.length; g++) {
            possible(source, "$.bestFitnessPerGeneration[" + g + "]", history[g]);
        }
        if (line.evaluations() < 0) {
            throw new InputException(source + ": $.evaluations: must be >= 0, found " + line.evaluations());
        }
        try {
            DesignPoint point = new DesignPoint(line.ratioRram(), line.resRramBits(), line.xbSizeRows(),
                    line.resDacBits(), line.adcBits());
            DesignPointKey key = new DesignPointKey(line.order(), point, line.candidateIndex(), line.candidates(),
                    line.duplications());
            Design design = designTree == null ? null : DesignJson.parse(designTree, source + ": design");
            DesignFigures figures = figures(source, figureFields, line.found());
            if (design != null) {
                DesignFigures own;
                try {
                    own = DesignFigures.of(design);
                } catch (InvalidSimulationInputException e) {
                    // A design whose library lacks what its accelerator holds cannot be priced.
                    throw new InputException(source + ": $.design: " + e.getMessage());
                }
                if (figures != null && !figures.equals(own)) {
                    throw new InputException(source + ": $: the figures " + figures + " are not those of the line's "
                            + "design, " + own + "; the checkpoint was changed after it was written: run without "
                            + "--resume to start over");
                }
                figures = own;
                double recomputed = objective.value(design);
                if (Double.compare(fitness, recomputed) != 0) {
                    throw new InputException(source + ": " + fitnessField + ": " + fitness + " is not the "
                            + objective.displayName() + " of the line's design, " + recomputed + " (from "
                            + "$.design.performance); the checkpoint was changed after it was written: run without "
                            + "--resume to start over");
                }
            }
            return new FinishedDesignPoint(key, line.found(), fitness,
                    line.bestFitnessPerGeneration(), line.evaluations(), line.noDesignReason(), design, figures,
                    dynamics(source, dynamicsFields));
        } catch (IllegalArgumentException e) {
            throw new InputException(source + ": $: " + e.getMessage());
        }
    }

    /** A field a line may lack, taken out of it: null where absent. */
    private static <T> T optional(ObjectNode fields, String key, Class<T> type, String source) {
        JsonNode value = fields.remove(key);
        return value == null ? null : OutputJson.read(value, type, source, "$." + key);
    }

    /**
     * A line's search dynamics: all four fields or none (a point with no search, or a checkpoint written before
     * they were recorded), one child count per generation after the initial population, one spread per generation.
     */
    private static PartitionEvolution.Dynamics dynamics(String source, DynamicsFields line) {
        int present = (line.childrenPerGeneration() != null ? 1 : 0)
                + (line.childrenBeatingParentPerGeneration() != null ? 1 : 0)
                + (line.layersFromBestPerGeneration() != null ? 1 : 0) + (line.bestGeneOrigin() != null ? 1 : 0);
        if (present == 0) {
            return null;
        }
        if (present < 4) {
            throw new InputException(source + ": $: childrenPerGeneration, childrenBeatingParentPerGeneration, "
                    + "layersFromBestPerGeneration and bestGeneOrigin come together or not at all");
        }
        int generations = line.layersFromBestPerGeneration().length - 1;
        if (generations < 0 || line.childrenPerGeneration().length != generations
                || line.childrenBeatingParentPerGeneration().length != generations) {
            throw new InputException(source + ": $.childrenPerGeneration: one count per generation after the initial "
                    + "population, as $.layersFromBestPerGeneration has one spread per generation and one before");
        }
        for (int g = 0; g < generations; g++) {
            int beating = line.childrenBeatingParentPerGeneration()[g];
            if (line.childrenPerGeneration()[g] < 0 || beating < 0 || beating > line.childrenPerGeneration()[g]) {
                throw new InputException(source + ": $.childrenBeatingParentPerGeneration[" + g + "]: " + beating
                        + " is not within 0.." + line.childrenPerGeneration()[g] + ", the children of that generation");
            }
        }
        for (double d : line.layersFromBestPerGeneration()) {
            if (!(d >= 0) || Double.isInfinite(d)) {
                throw new InputException(source + ": $.layersFromBestPerGeneration: " + d + " is not a finite number "
                        + ">= 0");
            }
        }
        return new PartitionEvolution.Dynamics(line.childrenPerGeneration(), line.childrenBeatingParentPerGeneration(),
                line.layersFromBestPerGeneration(), line.bestGeneOrigin());
    }

    /**
     * The figures of a line's design: all of them, or none (a line of a point without a design, or of a checkpoint
     * written before figures were recorded, whose point is then searched again where its design could matter). Each
     * must be possible, as a fitness must; the area may be null (unknown).
     */
    private static DesignFigures figures(String source, Map<String, JsonNode> fields, boolean found) {
        if (fields.isEmpty()) {
            return null;
        }
        if (!found) {
            throw new InputException(source + ": $." + fields.keySet().iterator().next() + ": a design point that "
                    + "found no design has no figures");
        }
        double[] values = new double[ExplorationJournal.FIGURE_KEYS.size()];
        Double area = null;
        for (int i = 0; i < values.length; i++) {
            String key = ExplorationJournal.FIGURE_KEYS.get(i);
            JsonNode node = fields.get(key);
            if (node == null) {
                throw new InputException(source + ": $." + key + ": missing; a line has all of "
                        + String.join(", ", ExplorationJournal.FIGURE_KEYS) + " or none");
            }
            if (key.equals("areaMm2") && node.isNull()) {
                continue;
            }
            values[i] = OutputJson.read(node, double.class, source, "$." + key);
            possible(source, "$." + key, values[i]);
            if (key.equals("areaMm2")) {
                area = values[i];
            }
        }
        return new DesignFigures(values[0], values[1], values[2], values[3], area);
    }

    /** Refuses a fitness no search gives: negative, or not finite (JSON has no NaN, but 1e999 reads as infinity). */
    private static void possible(String source, String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InputException(source + ": " + field + ": must be a finite number >= 0, found " + value);
        }
    }

    /** The lock of the run in {@code directory}, whose checkpoint is {@code file}. */
    private static RunLock lock(Path directory, Path file) throws IOException {
        return RunLock.tryLock(directory).orElseThrow(() -> new InputException(file + ": another pimsyn run is "
                + "writing this checkpoint; wait for it to end or give another --out"));
    }

    private static byte[] readAll(Path file, FileChannel channel) throws IOException {
        if (channel.size() > MAX_BYTES) {
            throw tooLarge(file);
        }
        channel.position(0);
        // One byte past the bound rather than trust the size: the file may grow while it is read. The stream stays
        // open: closing it would close the channel the checkpoint goes on writing through.
        byte[] bytes = Channels.newInputStream(channel).readNBytes((int) MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(file);
        }
        return bytes;
    }

    private static InputException tooLarge(Path file) {
        return new InputException(file + ": the checkpoint is larger than "
                + String.format(Locale.ROOT, "%,d", MAX_BYTES) + " bytes, the most pimsyn reads; run without "
                + "--resume to start over");
    }
}
