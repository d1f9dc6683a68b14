package org.pimsyn.sim.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Temporary files that later become user-facing output files by a rename. */
public final class OutputFiles {
    /** What an output file gets once renamed: readable by all, like a file a program writes under umask 022. */
    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private OutputFiles() {
    }

    /**
     * A new hidden temporary file in {@code dir}, to be renamed over the real output. Temporary files are created
     * private to their owner, which would carry over to the output through the rename; so the usual output
     * permissions are set here, where the file system has them.
     */
    public static Path createTemporary(Path dir, String prefix) throws IOException {
        Path tmp = Files.createTempFile(dir, prefix, ".tmp");
        if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(tmp, READABLE);
        }
        return tmp;
    }

    /**
     * The hidden temporary files in {@code dir} made by {@link #createTemporary} with one of {@code prefixes}: what
     * a run killed before renaming them leaves behind.
     */
    public static List<Path> temporaries(Path dir, List<String> prefixes) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(f -> {
                String name = f.getFileName().toString();
                return name.endsWith(".tmp") && prefixes.stream().anyMatch(name::startsWith) && Files.isRegularFile(f);
            }).toList();
        }
    }

    /**
     * Renames a finished temporary file over its target, atomically where the file system can, so a reader sees
     * the old file or the new one, never half of one.
     */
    public static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
