package org.pimsyn.synth;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared test data that sits beside the project checkout ({@code ../shared} from the project
 * root). Tests that need it call {@link #shared(String)}, which skips the test where the folder is absent.
 */
public final class TestData {
    private TestData() {
    }

    /** The shared folder, or null where there is none. */
    public static Path sharedRoot() {
        String configured = System.getProperty("pimsyn.shared");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared");
            if (Files.isDirectory(candidate.resolve("onnx")) || Files.isDirectory(candidate.resolve("reference"))) {
                return candidate;
            }
        }
        return null;
    }

    /** A path inside the shared folder; skips the calling test (JUnit assumption) where it is absent. */
    public static Path shared(String relative) {
        Path root = sharedRoot();
        assumeTrue(root != null, "../shared is absent; skipping");
        Path p = root.resolve(relative);
        assumeTrue(Files.exists(p), p + " is absent; skipping");
        return p;
    }
}
