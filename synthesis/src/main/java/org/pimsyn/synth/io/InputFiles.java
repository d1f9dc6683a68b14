package org.pimsyn.synth.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.pimsyn.synth.InputException;

/**
 * Reads the text of an input file (a hardware library, a network, a design) within a size bound. Devices, pipes
 * and directories are refused by name before any byte is read: {@code /dev/zero} never ends and
 * {@code /dev/null} is empty without being a file.
 */
public final class InputFiles {
    /**
     * Most bytes a JSON input may have: 16 MiB, some 80 times the largest real network file known (an Inception-v3
     * network JSON of 170 KB) and over a thousand times the built-in library; the parsed tree of a file this size
     * takes a few hundred MB of heap, where an unbounded file would exhaust it.
     */
    public static final long MAX_JSON_BYTES = 16L << 20;

    private InputFiles() {
    }

    /**
     * Fails unless {@code file} is a regular file (symbolic links followed).
     *
     * @param what what the file should be, for messages: "ONNX model", "hardware library JSON"
     */
    public static void requireRegularFile(Path file, String what) {
        if (Files.isRegularFile(file)) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw new InputException(file + ": is a directory; expected " + article(what) + " file");
        }
        if (Files.exists(file) || Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new InputException(file + ": not a regular file (a device, pipe or socket); expected "
                    + article(what) + " file");
        }
        throw new InputException(file + ": no such file; expected " + article(what) + " file");
    }

    /** The UTF-8 text of a regular file of at most {@link #MAX_JSON_BYTES}; a leading byte order mark goes. */
    public static String readJson(Path file, String what) {
        requireRegularFile(file, what);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // Read one byte past the bound rather than trust the size: the file may grow while it is read.
            bytes = in.readNBytes((int) MAX_JSON_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such file; expected " + article(what) + " file");
        } catch (AccessDeniedException e) {
            throw new InputException(file + ": cannot read the " + what + " file (permission denied)");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read the " + what + " file: " + e.getMessage());
        }
        if (bytes.length > MAX_JSON_BYTES) {
            throw new InputException(file + ": the " + what + " file is larger than "
                    + String.format(Locale.ROOT, "%,d", MAX_JSON_BYTES) + " bytes, the most pimsyn reads");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(file + ": not UTF-8 text; expected " + article(what) + " file");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String article(String what) {
        return ("aeiouAEIOU".indexOf(what.charAt(0)) >= 0 ? "an " : "a ") + what;
    }
}
