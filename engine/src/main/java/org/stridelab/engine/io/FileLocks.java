package org.stridelab.engine.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Advisory locks between processes that share a folder: the shards of one grid
 * starting together (on one machine or, where the shared file system supports
 * POSIX locks, several), or two commands given the same cell. The operating
 * system releases a lock when its process ends, even by SIGKILL, so a killed
 * task never leaves a cell locked. A lock held elsewhere in this same JVM
 * counts as held too.
 */
public final class FileLocks {
    private static final long POLL_MILLIS = 100;

    private FileLocks() {
    }

    /** A lock held until closed (with the channel it was taken on). */
    public record Held(FileChannel channel, FileLock lock) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    /** Takes the lock if nobody holds it; empty when another process (or thread) does. */
    public static Optional<Held> tryAcquire(Path lockFile) throws IOException {
        Files.createDirectories(lockFile.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new Held(channel, lock));
            }
        } catch (OverlappingFileLockException heldHere) {
            // this JVM holds it already: as good as another process
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        channel.close();
        return Optional.empty();
    }

    /** Waits for the lock (briefly held locks: a grid definition, a report, a dataset being written). */
    public static Held acquire(Path lockFile) throws IOException {
        while (true) {
            Optional<Held> held = tryAcquire(lockFile);
            if (held.isPresent()) {
                return held.get();
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + lockFile, e);
            }
        }
    }
}
