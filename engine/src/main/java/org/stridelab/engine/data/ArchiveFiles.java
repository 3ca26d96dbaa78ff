package org.stridelab.engine.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Dataset files taken straight out of a .tar.gz (or .tar) archive, in memory.
 *
 * <p>The archive is streamed once. Only regular files whose name is one of
 * {@link CifarLayout#expectedFiles()}, at the top or under
 * {@code cifar-10-batches-bin/}, are kept; every other entry (readme, links,
 * odd paths such as {@code ../x}) is skipped. Nothing is ever written to disk,
 * so a hostile archive cannot place files anywhere.
 */
final class ArchiveFiles implements DatasetFiles {

    /** No expected member is near this big; a larger one means a wrong or hostile archive. */
    private static final long MAX_MEMBER_BYTES = 1L << 30;
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private final Path archive;
    private final Map<String, byte[]> members;

    private ArchiveFiles(Path archive, Map<String, byte[]> members) {
        this.archive = archive;
        this.members = members;
    }

    /** True if the file starts like gzip, or is named like a tar archive. */
    static boolean looksLikeArchive(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".tar.gz") || name.endsWith(".tgz") || name.endsWith(".tar") || isGzip(file);
    }

    static ArchiveFiles load(Path archive) {
        Map<String, byte[]> members = new HashMap<>();
        boolean gzip = isGzip(archive);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
             InputStream unpacked = gzip ? new GzipCompressorInputStream(raw) : raw;
             TarArchiveInputStream tar = new TarArchiveInputStream(unpacked)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = expectedName(entry);
                if (name == null || members.containsKey(name)) {
                    continue;
                }
                long size = entry.getSize();
                if (size > MAX_MEMBER_BYTES) {
                    throw new DatasetException(archive + " holds a " + size + "-byte " + entry.getName()
                            + ", far larger than any CIFAR-10 file: it is not the CIFAR-10 archive.");
                }
                byte[] data = tar.readNBytes((int) size);
                if (data.length < size) {
                    throw new EOFException("the archive ends inside " + entry.getName());
                }
                members.put(name, data);
            }
        } catch (IOException e) {
            throw new DatasetException("Cannot read " + archive + " as a " + (gzip ? ".tar.gz" : ".tar")
                    + " archive (" + (e.getMessage() != null ? e.getMessage()
                            : e instanceof EOFException ? "it ends too early" : e.getClass().getSimpleName())
                    + "): it is damaged or incomplete. Delete it and download "
                    + "it again.", e);
        }
        return new ArchiveFiles(archive, members);
    }

    /** The bare file name if the entry is one we want, else null. */
    static String expectedName(TarArchiveEntry entry) {
        if (!entry.isFile() || entry.isSymbolicLink() || entry.isLink()) {
            return null;
        }
        String name = entry.getName();
        while (name.startsWith("./")) {
            name = name.substring(2);
        }
        for (String expected : CifarLayout.expectedFiles()) {
            if (name.equals(expected) || name.equals(CifarLayout.FOLDER_NAME + "/" + expected)) {
                return expected;
            }
        }
        return null;
    }

    private static boolean isGzip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == GZIP_MAGIC_1 && in.read() == GZIP_MAGIC_2;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String where() {
        return archive.toString();
    }

    @Override
    public long size(String name) {
        byte[] data = members.get(name);
        return data == null ? -1 : data.length;
    }

    @Override
    public byte[] read(String name) {
        // Hand the bytes over and drop our reference, so a 180 MB archive is not held twice.
        byte[] data = members.remove(name);
        if (data == null) {
            throw new IllegalStateException(name + " was already read or is not in " + archive);
        }
        return data;
    }
}
