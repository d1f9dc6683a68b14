package org.pimsyn.synth.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pimsyn.sim.io.OutputFiles;

/**
 * Writes output files so that a reader never sees half of one: the content goes to a temporary file in the
 * same directory, which is then renamed over the target. A failure leaves the old file, or none.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Receives the stream of the temporary file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, Content content) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = OutputFiles.createTemporary(dir, "." + absolute.getFileName());
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            OutputFiles.moveIntoPlace(tmp, absolute);
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The write already failed; that failure is the one to report.
                }
            }
        }
    }

    public static void writeString(Path target, String text) {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
