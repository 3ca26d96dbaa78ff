package org.stridelab.engine.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.stridelab.engine.io.AtomicFiles;

/**
 * Whether a CIFAR-10 source is the verified data set, so that reports may
 * call it "CIFAR-10" rather than "CIFAR-10 binary layout from PATH" (any
 * folder of .bin files has that layout; only a checked checksum says it is
 * the real thing). The downloader writes a record beside the archive once
 * its MD5 matched: {@code <archive>.md5-verified}, holding the MD5 and the
 * size. An unpacked folder holding such a record (as {@value #FOLDER_RECORD})
 * keeps the label. The record counts only while the archive keeps its size
 * and the MD5 is the one the lab expects (the official one, or the mirror's).
 */
public final class VerifiedCifar {
    /** The record's suffix beside an archive. */
    public static final String ARCHIVE_SUFFIX = ".md5-verified";
    /** The record's name inside an unpacked folder. */
    public static final String FOLDER_RECORD = "stridelab-md5-verified.txt";

    private VerifiedCifar() {
    }

    /** Records that {@code archive}, of its current size, had MD5 {@code md5}. */
    static void record(Path archive, String md5) throws IOException {
        String line = md5 + " " + Files.size(archive) + "\n";
        AtomicFiles.write(archive.resolveSibling(archive.getFileName() + ARCHIVE_SUFFIX),
                line.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * For an archive put in the cache by hand: checks its MD5 once (about a
     * second for 170 MB) and records it if it is the expected one.
     */
    static void checkOnce(Path archive) {
        if (isVerified(archive)) {
            return;
        }
        try {
            String actual = CifarDownloader.hex(CifarDownloader.digestOf(archive));
            if (actual.equals(expected())) {
                record(archive, actual);
            }
        } catch (IOException e) {
            // not recorded: the data is still read, and described by its layout only
        }
    }

    /** Whether {@code source} (an archive, or a folder of .bin files) is verified CIFAR-10. */
    public static boolean isVerified(Path source) {
        try {
            if (Files.isDirectory(source)) {
                Path record = source.resolve(FOLDER_RECORD);
                return Files.isRegularFile(record) && expected().equals(fields(record)[0]);
            }
            Path record = source.resolveSibling(source.getFileName() + ARCHIVE_SUFFIX);
            if (!Files.isRegularFile(record)) {
                return false;
            }
            String[] f = fields(record);
            return f.length == 2 && expected().equals(f[0]) && f[1].equals(Long.toString(Files.size(source)));
        } catch (IOException e) {
            return false; // unreadable: not known to be verified
        }
    }

    private static String[] fields(Path record) throws IOException {
        return Files.readString(record, StandardCharsets.US_ASCII).trim().split("\\s+");
    }

    private static String expected() {
        return System.getProperty(CifarDownloader.MIRROR_MD5_PROPERTY, CifarLayout.OFFICIAL_MD5);
    }
}
