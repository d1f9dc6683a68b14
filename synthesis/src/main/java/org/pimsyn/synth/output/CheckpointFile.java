package org.pimsyn.synth.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.design.Design;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.explore.DesignPointKey;
import org.pimsyn.synth.explore.ExplorationCheckpoint;
import org.pimsyn.synth.explore.FinishedDesignPoint;
import org.pimsyn.synth.io.AtomicFiles;
import org.pimsyn.synth.io.CreatedDirectories;
import org.pimsyn.synth.io.JsonObjectFields;
import org.pimsyn.synth.objective.Objective;
import org.pimsyn.synth.objective.Objectives;

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
 * line without its newline, and cuts it off before appending. While open, the file is locked, so that two runs never
 * write into one output directory at once.
 */
public final class CheckpointFile implements ExplorationCheckpoint, AutoCloseable {
    public static final String FORMAT = "pimsyn-checkpoint";
    public static final int FORMAT_VERSION = 1;

    private static final String[] HEADER_KEYS = {"format", "formatVersion", "run"};
    private static final String TOP_DESIGNS_KEY = "topDesigns";
    /** What runs kept before the number was recorded: always 10. */
    private static final int UNRECORDED_TOP_DESIGNS = 10;
    private static final String OBJECTIVE_KEY = "objective";

    /** A design point's line but its design and its fitness (under the objective's key), bound strictly. */
    private record Line(int order, double ratioRram, int resRramBits, int xbSizeRows, int resDacBits, int adcBits,
            int candidateIndex, int candidates, int[] duplications, boolean found, String noDesignReason,
            long evaluations, double[] bestFitnessPerGeneration) {
    }

    /** A design point read back, with the number of its line for messages. */
    private record Recorded(int line, FinishedDesignPoint point) {
    }

    private final Path file;
    private final Objective objective;
    private final CreatedDirectories directories;
    private final FileChannel channel;
    private final List<Recorded> loaded;
    private boolean abandoned;
    private boolean closed;

    private CheckpointFile(Path file, Objective objective, CreatedDirectories directories, FileChannel channel,
            List<Recorded> loaded) {
        this.file = file;
        this.objective = objective;
        this.directories = directories;
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
            FileChannel replaced = Files.exists(file) ? lock(file) : null;
            try {
                AtomicFiles.writeString(file, header(run) + "\n");
            } finally {
                if (replaced != null) {
                    replaced.close();
                }
            }
            FileChannel channel = lock(file);
            channel.position(channel.size());
            return new CheckpointFile(file, Objectives.named(run.objective()), directories, channel, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens the checkpoint in {@code directory} to continue its run, or empty when there is none.
     *
     * @throws InputException naming the file, the line and the field when it is not a checkpoint of this run, is
     *                        damaged before its last line, or is held by another run
     */
    public static Optional<CheckpointFile> resume(Path directory, RunFingerprint run) {
        Path file = fileIn(directory);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            CreatedDirectories directories = CreatedDirectories.create(directory);
            FileChannel channel = lock(file);
            try {
                byte[] bytes = readAll(channel);
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
                return Optional.of(new CheckpointFile(file, objective, directories, channel, loaded));
            } catch (IOException | RuntimeException e) {
                channel.close();
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

    @Override
    public Map<Integer, FinishedDesignPoint> recorded(List<DesignPointKey> designPoints) {
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
            // A point searched again after a resume has its design; the later line is the one to take.
            byOrder.put(key.order(), r.point());
        }
        return byOrder;
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
            channel.close();
            if (abandoned) {
                Files.deleteIfExists(file);
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
        root.integer("formatVersion", FORMAT_VERSION, FORMAT_VERSION);
        RunFingerprint recorded = OutputJson.read(completed(root.node("run", "an object")),
                RunFingerprint.class, source, root.pathOf("run"));
        JsonNode theirs = OutputJson.tree(recorded);
        JsonNode ours = OutputJson.tree(run);
        for (Iterator<String> fields = ours.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!theirs.get(field).equals(ours.get(field))) {
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
        if (!run.isObject() || run.has(TOP_DESIGNS_KEY) && run.has(OBJECTIVE_KEY)) {
            return run;
        }
        ObjectNode completed = ((ObjectNode) run).deepCopy();
        if (!run.has(TOP_DESIGNS_KEY)) {
            completed.put(TOP_DESIGNS_KEY, UNRECORDED_TOP_DESIGNS);
        }
        if (!run.has(OBJECTIVE_KEY)) {
            completed.put(OBJECTIVE_KEY, Objectives.DEFAULT.name());
        }
        return completed;
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
        JsonNode fitnessTree = fields.remove(objective.jsonKey());
        if (fitnessTree == null) {
            throw new InputException(source + ": $." + objective.jsonKey() + ": missing");
        }
        double fitness = OutputJson.read(fitnessTree, double.class, source, "$." + objective.jsonKey());
        Line line = OutputJson.read(fields, Line.class, source, "$");
        try {
            DesignPoint point = new DesignPoint(line.ratioRram(), line.resRramBits(), line.xbSizeRows(),
                    line.resDacBits(), line.adcBits());
            DesignPointKey key = new DesignPointKey(line.order(), point, line.candidateIndex(), line.candidates(),
                    line.duplications());
            Design design = designTree == null ? null : DesignJson.parse(designTree, source + ": design");
            return new FinishedDesignPoint(key, line.found(), fitness,
                    line.bestFitnessPerGeneration(), line.evaluations(), line.noDesignReason(), design);
        } catch (IllegalArgumentException e) {
            throw new InputException(source + ": $: " + e.getMessage());
        }
    }

    private static FileChannel lock(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return channel;
            }
        } catch (OverlappingFileLockException e) {
            // Held by this very process: another run in this JVM writes there.
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        channel.close();
        throw new InputException(file + ": another pimsyn run is writing this checkpoint; wait for it to end or "
                + "give another --out");
    }

    private static byte[] readAll(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IOException("the checkpoint is larger than 2 GB");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        channel.position(0);
        int read = 0;
        while (buffer.hasRemaining() && read >= 0) {
            read = channel.read(buffer);
        }
        return buffer.array();
    }
}
