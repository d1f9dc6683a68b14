package org.pimsyn.synth.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * An output directory and the directories that had to be created for it, so that a run that ends without keeping
 * any file leaves no empty directories behind.
 */
public final class CreatedDirectories {
    private final Path directory;
    /** The outermost directory created, or null when the directory existed. */
    private final Path outermost;

    private CreatedDirectories(Path directory, Path outermost) {
        this.directory = directory;
        this.outermost = outermost;
    }

    /** Creates {@code directory} and its missing parents, remembering which were missing. */
    public static CreatedDirectories create(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath();
        Path outermost = null;
        for (Path d = absolute; d != null && !Files.exists(d); d = d.getParent()) {
            outermost = d;
        }
        Files.createDirectories(absolute);
        return new CreatedDirectories(absolute, outermost);
    }

    public Path directory() {
        return directory;
    }

    /** Deletes the directories this created, innermost first, while they are empty. */
    public void removeEmpty() throws IOException {
        if (outermost == null) {
            return;
        }
        for (Path d = directory; d != null && d.startsWith(outermost); d = d.getParent()) {
            try (Stream<Path> entries = Files.list(d)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(d);
        }
    }
}
