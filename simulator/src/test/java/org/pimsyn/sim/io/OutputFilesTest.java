package org.pimsyn.sim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {
    @Test
    void temporaryOutputFilesAreHiddenAndReadableByAll(@TempDir Path dir) throws Exception {
        Path tmp = OutputFiles.createTemporary(dir, ".report.json");
        assertTrue(tmp.getFileName().toString().startsWith(".report.json"));
        assertEquals(dir, tmp.getParent());
        assumeTrue(Files.getFileStore(tmp).supportsFileAttributeView("posix"));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp)));
    }

    @Test
    void aFinishedFileReplacesItsTargetAndLeavesNoTemporary(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("report.json");
        Files.writeString(target, "old");
        Path tmp = OutputFiles.createTemporary(dir, ".report.json");
        Files.writeString(tmp, "new");
        OutputFiles.moveIntoPlace(tmp, target);
        assertEquals("new", Files.readString(target));
        assertTrue(Files.notExists(tmp));
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count());
        }
    }
}
