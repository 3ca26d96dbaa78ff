package org.stridelab.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    /** A disk that fills up halfway through a checkpoint: the write fails, the old file stays, no debris. */
    @Test
    void aWriteThatFailsHalfwayKeepsThePreviousFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("checkpoint.zip");
        byte[] previous = {1, 2, 3, 4};
        AtomicFiles.write(target, previous);
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[100_000]);
            throw new IOException("No space left on device");
        }));
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        assertTrue(e.getMessage().contains("the previous version, if any, is intact"), e.getMessage());
        assertArrayEquals(previous, Files.readAllBytes(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the target is left");
        }
    }

    /** Run files on a shared disk are readable by the group and others, like any file a user writes. */
    @Test
    void writtenFilesAreReadableByOthers(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("summary.json");
        AtomicFiles.write(target, new byte[]{'{', '}'});
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(target)));
    }
}
