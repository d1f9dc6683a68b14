package org.pimsyn.synth.output;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock that lets one synthesis run at a time write into an output directory: {@value #FILE} in the directory,
 * locked before the run touches any file there and held until it is done. The checkpoint cannot be its own lock,
 * since a new run renames a new checkpoint over the old one: a run that locked the old file would hold a lock on a
 * file no longer there, and two runs would proceed.
 *
 * <p>The file goes when its run ends, deleted while still locked. A run that opened it just before then may lock
 * the deleted file, so a lock only counts where the path still names the file that was opened (the same file key
 * before opening and after locking; an open file's key cannot be taken by another file).
 *
 * <p>File locks belong to the process, and closing any channel of a locked file releases the process's lock on it,
 * so runs within one JVM are kept apart by a registry of the lock files held, before any channel is opened.
 */
final class RunLock implements AutoCloseable {
    static final String FILE = ".pimsyn.lock";
    /** Rounds of another run creating and deleting the file under this one before it counts as busy. */
    private static final int ATTEMPTS = 100;
    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private boolean released;

    private RunLock(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** The lock of {@code directory}, which must exist, or empty when another run holds it. */
    static Optional<RunLock> tryLock(Path directory) throws IOException {
        Path file = directory.toRealPath().resolve(FILE);
        if (!HELD_IN_THIS_JVM.add(file)) {
            return Optional.empty();
        }
        boolean held = false;
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Object before = fileKey(file);
                if (before == null) {
                    try {
                        Files.createFile(file);
                    } catch (FileAlreadyExistsException e) {
                        // Another run created it first; it is locked or not, as the next round finds.
                    }
                    continue;
                }
                FileChannel channel;
                try {
                    channel = FileChannel.open(file, StandardOpenOption.WRITE);
                } catch (NoSuchFileException e) {
                    continue;
                }
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    // The registry keeps this JVM's runs apart; a lock taken by other code in it is still busy.
                    lock = null;
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    throw e;
                }
                if (lock == null) {
                    channel.close();
                    return Optional.empty();
                }
                if (Objects.equals(before, fileKey(file))) {
                    held = true;
                    return Optional.of(new RunLock(file, channel));
                }
                channel.close();
            }
            return Optional.empty();
        } finally {
            if (!held) {
                HELD_IN_THIS_JVM.remove(file);
            }
        }
    }

    /** Deletes the lock file, then releases the lock. */
    @Override
    public synchronized void close() throws IOException {
        if (released) {
            return;
        }
        released = true;
        try {
            Files.deleteIfExists(file);
        } finally {
            try {
                channel.close();
            } finally {
                HELD_IN_THIS_JVM.remove(file);
            }
        }
    }

    /** The file's identity, or null when there is no file; a file system without keys gives the path itself. */
    private static Object fileKey(Path file) throws IOException {
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return key != null ? key : file;
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
