package org.stridelab.engine.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes that either complete or leave the old file untouched: data goes to a
 * temporary file beside the target, is forced to disk, then renamed over it.
 * A full disk or a crash mid-write therefore never loses the previous version.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** The body writes the new content into the stream it is given. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content));
    }

    public static void write(Path target, Body body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            shareable(tmp);
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                body.writeTo(out);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            PausePoint.reach(PausePoint.WRITE + target.getFileName());
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("could not write " + target + " (" + describe(e) + "); the previous version, if any, "
                    + "is intact", e);
        }
    }

    /**
     * A temporary file is created owner-only (rw-------); the file it becomes is a
     * run file others on a shared disk (a lab group, a cluster's users) read, so it
     * gets the usual rw-r--r--. Systems without POSIX permissions keep their default.
     */
    private static void shareable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, SHAREABLE);
        } catch (UnsupportedOperationException notPosix) {
            // Windows: access follows the folder's ACL
        }
    }

    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> SHAREABLE =
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");

    private static String describe(IOException e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
