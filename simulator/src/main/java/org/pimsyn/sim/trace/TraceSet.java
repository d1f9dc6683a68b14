package org.pimsyn.sim.trace;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.pimsyn.sim.engine.SimulationObserver;
import org.pimsyn.sim.io.OutputFiles;

/**
 * The trace files of one run: opens a writer per requested format on a temporary file in the target directory,
 * gives them to the engine as one {@link #observer()}, and on {@link #close()} renames the temporary files over
 * the targets if the run finished, or deletes them if it did not (an exception in the engine, in a writer, or a
 * run never started). A reader never sees a half-written trace. A run stopped by a signal (Ctrl-C) deletes them in a
 * shutdown hook; a run killed outright leaves them, and the next run into the directory deletes them: each temporary
 * file is locked while its run lives, so an unlocked one is a dead run's.
 *
 * <pre>{@code
 * try (TraceSet traces = TraceSet.open(options)) {
 *     simulator.report(accelerator, library, program, images, traces.observer());
 * }
 * }</pre>
 */
public final class TraceSet implements AutoCloseable {
    private static final int GZIP_BUFFER_BYTES = 1 << 16;

    private final TraceOptions options;
    private final List<OpenFile> files;
    private final SimulationObserver observer;
    private final Thread onShutdown;
    private boolean finished;
    private boolean closed;

    /** A trace being written; {@code lock} marks {@code temp} as in use for as long as this process runs. */
    private record OpenFile(Path target, Path temp, FileChannel lock, ResourceStateWriter writer) {
    }

    private TraceSet(TraceOptions options, List<OpenFile> files) {
        this.options = options;
        this.files = files;
        // Traces of a long run reach hundreds of MB; an interrupted run must not leave them hidden in the directory.
        onShutdown = new Thread(() -> deleteTemporaries(files), "pimsyn-trace-cleanup");
        Runtime.getRuntime().addShutdownHook(onShutdown);
        SimulationObserver[] all = new SimulationObserver[files.size() + 1];
        for (int i = 0; i < files.size(); i++) {
            all[i] = files.get(i).writer();
        }
        all[files.size()] = new SimulationObserver() {
            @Override
            public void finished(long cycles) {
                finished = true;
            }
        };
        observer = FanOutObserver.of(all);
    }

    /**
     * Creates the directory if needed and opens the requested writers.
     *
     * @throws UncheckedIOException naming the file that cannot be created
     */
    public static TraceSet open(TraceOptions options) {
        List<OpenFile> files = new ArrayList<>();
        Path target = null;
        try {
            Files.createDirectories(options.directory());
            removeStaleTemporaries(options);
            for (TraceFormat format : TraceFormat.values()) {
                if (!options.formats().contains(format)) {
                    continue;
                }
                target = options.path(format);
                Path temp = OutputFiles.createTemporary(options.directory(), "." + target.getFileName() + ".");
                OutputStream stream = null;
                FileChannel lock = null;
                try {
                    lock = FileChannel.open(temp, StandardOpenOption.WRITE);
                    lock.lock();
                    stream = Files.newOutputStream(temp);
                    if (options.gzip()) {
                        stream = new GZIPOutputStream(stream, GZIP_BUFFER_BYTES);
                    }
                } catch (IOException e) {
                    closeQuietly(stream);
                    closeQuietly(lock);
                    Files.deleteIfExists(temp);
                    throw e;
                }
                files.add(new OpenFile(target, temp, lock, writer(format, stream, options)));
            }
        } catch (IOException e) {
            discard(files);
            String what = target == null ? "directory " + options.directory() : "file " + target;
            throw new UncheckedIOException("cannot create trace " + what + ": " + e.getMessage(), e);
        }
        return new TraceSet(options, files);
    }

    /**
     * Deletes the temporary trace files of this base name that no live run holds: those of a run killed before it
     * could delete them.
     */
    private static void removeStaleTemporaries(TraceOptions options) throws IOException {
        for (Path f : OutputFiles.temporaries(options.directory(), List.of("." + options.baseName() + "."))) {
            try (FileChannel channel = FileChannel.open(f, StandardOpenOption.WRITE)) {
                if (channel.tryLock() != null) {
                    Files.deleteIfExists(f);
                }
            } catch (OverlappingFileLockException | NoSuchFileException e) {
                // Held by a run of this process, or already gone: not a leftover.
            }
        }
    }

    private static ResourceStateWriter writer(TraceFormat format, OutputStream stream, TraceOptions options) {
        return switch (format) {
            case CHROME -> new ChromeTraceWriter(stream, options.window());
            case VCD -> new VcdWriter(stream, options.window());
            case CSV -> new UtilizationCsvWriter(stream, options.window(), options.csvWindowCycles());
        };
    }

    /** What to hand the engine: every writer, in format order. */
    public SimulationObserver observer() {
        return observer;
    }

    public TraceOptions options() {
        return options;
    }

    /** The files written when the run finishes, in format order. */
    public List<Path> outputs() {
        List<Path> paths = new ArrayList<>();
        for (OpenFile f : files) {
            paths.add(f.target());
        }
        return paths;
    }

    /**
     * Renames the traces into place if the run finished, deletes them otherwise.
     *
     * @throws UncheckedIOException naming the file that could not be completed (its temporary file is deleted)
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(onShutdown);
        } catch (IllegalStateException e) {
            // The JVM is shutting down and the hook runs anyway; it only deletes what this close would.
        }
        if (!finished) {
            discard(files);
            return;
        }
        for (int i = 0; i < files.size(); i++) {
            OpenFile f = files.get(i);
            try {
                try {
                    f.writer().close();
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
                OutputFiles.moveIntoPlace(f.temp(), f.target());
                f.lock().close();
            } catch (IOException e) {
                discard(files.subList(i, files.size()));
                throw new UncheckedIOException("cannot write trace file " + f.target() + ": " + e.getMessage(), e);
            }
        }
    }

    private static void discard(List<OpenFile> files) {
        for (OpenFile f : files) {
            try {
                f.writer().close();
            } catch (UncheckedIOException ignored) {
                // The trace is being thrown away; failing to close it changes nothing.
            }
            closeQuietly(f.lock());
        }
        deleteTemporaries(files);
    }

    private static void deleteTemporaries(List<OpenFile> files) {
        for (OpenFile f : files) {
            try {
                Files.deleteIfExists(f.temp());
            } catch (IOException ignored) {
                // Nothing more can be done about a temporary file the file system refuses to delete.
            }
        }
    }

    private static void closeQuietly(java.io.Closeable stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // Only reached while reporting the failure that made the stream useless.
            }
        }
    }
}
