package org.pimsyn.synth.io;

import java.nio.file.Files;
import java.nio.file.Path;
import org.pimsyn.synth.InputException;

/**
 * Checks an output directory before a run spends any time: a path that names a file, or a directory pimsyn may not
 * write into, is a mistake in the command line, reported as one, rather than a failed write at the end.
 */
public final class OutputDirectory {
    private OutputDirectory() {
    }

    /**
     * Fails unless {@code dir} is a writable directory or can be created as one (its nearest existing ancestor is a
     * writable directory).
     *
     * @param option the option that named it, for the message, such as {@code --out}
     */
    public static void check(Path dir, String option) {
        Path absolute = dir.toAbsolutePath();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        String who = option + " " + dir + ": ";
        if (!Files.isDirectory(existing)) {
            throw new InputException(who + (existing.equals(absolute) ? "is a file, not a directory"
                    : existing + " is a file, not a directory") + "; give a directory for the output files");
        }
        if (!Files.isWritable(existing) || !Files.isExecutable(existing)) {
            throw new InputException(who + "no permission to write into " + (existing.equals(absolute)
                    ? "the directory" : existing) + "; give a directory you may write into");
        }
    }
}
