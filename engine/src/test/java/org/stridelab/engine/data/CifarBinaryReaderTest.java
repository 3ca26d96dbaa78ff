package org.stridelab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarBinaryReaderTest {

    private static final int PER_FILE = 7;
    private static final int TEST = 11;

    @TempDir
    Path dir;

    @Test
    void readsAFolderRecordForRecord() throws IOException {
        Map<String, byte[]> files = CifarTestFiles.files(PER_FILE, TEST);
        Path folder = CifarTestFiles.writeFolder(dir.resolve("data"), files);

        CifarDataset d = CifarBinaryReader.read(folder);

        assertSameContent(files, d);
        assertTrue(d.description().contains(folder.toString()), d.description());
    }

    @Test
    void findsTheOfficialSubfolder() throws IOException {
        Map<String, byte[]> files = CifarTestFiles.files(PER_FILE, TEST);
        CifarTestFiles.writeFolder(dir.resolve(CifarLayout.FOLDER_NAME), files);

        assertSameContent(files, CifarBinaryReader.read(dir));
    }

    @Test
    void readsTheArchiveWithTheOfficialLayoutAndIgnoresEverythingElse() throws IOException {
        Map<String, byte[]> files = CifarTestFiles.files(PER_FILE, TEST);
        Path archive = CifarTestFiles.writeArchive(dir.resolve(CifarLayout.ARCHIVE_NAME), files);

        CifarDataset d = CifarBinaryReader.read(archive);

        assertSameContent(files, d);
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count(), "reading an archive must not write anything");
        }
        assertTrue(Files.notExists(dir.getParent().resolve(CifarLayout.TEST_FILE)));
    }

    /** Any folder of .bin files has the layout; only a checked MD5 makes it "CIFAR-10" in reports. */
    @Test
    void onlyAVerifiedArchiveIsCalledCifar10() throws Exception {
        Map<String, byte[]> files = CifarTestFiles.files(PER_FILE, TEST, null);
        Path archive = CifarTestFiles.writeArchive(dir.resolve(CifarLayout.ARCHIVE_NAME), files);
        assertTrue(CifarBinaryReader.read(archive).description().startsWith("CIFAR-10 binary layout from "),
                CifarBinaryReader.read(archive).description());

        String md5 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                .digest(Files.readAllBytes(archive)));
        System.setProperty(CifarDownloader.MIRROR_MD5_PROPERTY, md5); // this archive stands for the official one
        try {
            VerifiedCifar.checkOnce(archive);
            assertTrue(Files.isRegularFile(dir.resolve(CifarLayout.ARCHIVE_NAME + VerifiedCifar.ARCHIVE_SUFFIX)));
            assertTrue(CifarBinaryReader.read(archive).description().startsWith("CIFAR-10 from "),
                    CifarBinaryReader.read(archive).description());

            Files.write(archive, new byte[]{1}, java.nio.file.StandardOpenOption.APPEND);
            assertFalse(VerifiedCifar.isVerified(archive), "a record no longer counts once the archive changed");

            Path folder = Files.createDirectories(dir.resolve("unpacked"));
            CifarTestFiles.writeFolder(folder, files);
            assertTrue(CifarBinaryReader.read(folder).description().startsWith("CIFAR-10 binary layout from "));
            Files.writeString(folder.resolve(VerifiedCifar.FOLDER_RECORD), md5 + "\n");
            assertTrue(CifarBinaryReader.read(folder).description().startsWith("CIFAR-10 from "),
                    "an unpacked folder keeps the label with its record");
        } finally {
            System.clearProperty(CifarDownloader.MIRROR_MD5_PROPERTY);
        }
    }

    @Test
    void aFileThatIsNotWholeRecordsIsTruncated() throws IOException {
        Map<String, byte[]> files = CifarTestFiles.files(PER_FILE, TEST);
        byte[] batch = files.get("data_batch_3.bin");
        files.put("data_batch_3.bin", Arrays.copyOf(batch, batch.length - 100));
        Path folder = CifarTestFiles.writeFolder(dir, files);

        DatasetException e = assertThrows(DatasetException.class, () -> CifarBinaryReader.read(folder));

        assertTrue(e.getMessage().contains("data_batch_3.bin"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void fewerRecordsThanTheManifestSaysIsTruncated() throws IOException {
        Map<String, byte[]> files = CifarTestFiles.files(PER_FILE, TEST);
        files.put(CifarLayout.TEST_FILE, CifarTestFiles.records(TEST - 1, 5));
        Path folder = CifarTestFiles.writeFolder(dir, files);

        DatasetException e = assertThrows(DatasetException.class, () -> CifarBinaryReader.read(folder));

        assertTrue(e.getMessage().contains(CifarLayout.TEST_FILE), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("10 records"), e.getMessage());
    }

    @Test
    void withoutAManifestEveryFileMustHoldTenThousandRecords() throws IOException {
        Map<String, byte[]> files = CifarTestFiles.files(PER_FILE, TEST);
        files.remove(DatasetManifest.FILE_NAME);
        Path folder = CifarTestFiles.writeFolder(dir, files);

        DatasetException e = assertThrows(DatasetException.class, () -> CifarBinaryReader.read(folder));

        assertTrue(e.getMessage().contains("data_batch_1.bin"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("10,000"), e.getMessage());
    }

    @Test
    void aTruncatedArchiveMemberIsReportedToo() throws IOException {
        Map<String, byte[]> files = CifarTestFiles.files(PER_FILE, TEST);
        files.put("data_batch_5.bin", Arrays.copyOf(files.get("data_batch_5.bin"), 3 * CifarLayout.RECORD_BYTES));
        Path archive = CifarTestFiles.writeArchive(dir.resolve("x.tar.gz"), files);

        DatasetException e = assertThrows(DatasetException.class, () -> CifarBinaryReader.read(archive));

        assertTrue(e.getMessage().contains("data_batch_5.bin"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void aWrongLabelNamesTheRecordAndTheFile() throws IOException {
        Map<String, byte[]> files = CifarTestFiles.files(PER_FILE, TEST);
        files.get("data_batch_3.bin")[4 * CifarLayout.RECORD_BYTES] = (byte) 200;
        Path folder = CifarTestFiles.writeFolder(dir, files);

        DatasetException e = assertThrows(DatasetException.class, () -> CifarBinaryReader.read(folder));

        assertTrue(e.getMessage().startsWith("record 4 of data_batch_3.bin has label 200; CIFAR-10 labels are 0-9"),
                e.getMessage());
        assertTrue(e.getMessage().contains("corrupt or not CIFAR-10"), e.getMessage());
    }

    @Test
    void aMissingFileIsNamedWithHowToGetTheData() throws IOException {
        Map<String, byte[]> files = CifarTestFiles.files(PER_FILE, TEST);
        files.remove(CifarLayout.TEST_FILE);
        files.remove(DatasetManifest.FILE_NAME);
        Path folder = CifarTestFiles.writeFolder(dir, files);

        DatasetException e = assertThrows(DatasetException.class, () -> CifarBinaryReader.read(folder));

        assertTrue(e.getMessage().startsWith(CifarLayout.TEST_FILE + " is missing from " + folder), e.getMessage());
        assertTrue(e.getMessage().contains("download"), e.getMessage());
        assertTrue(e.getMessage().contains(CifarLayout.ARCHIVE_NAME), e.getMessage());
    }

    @Test
    void missingClassNamesAreReported() throws IOException {
        Map<String, byte[]> files = CifarTestFiles.files(PER_FILE, TEST);
        files.remove(CifarLayout.META_FILE);
        Path folder = CifarTestFiles.writeFolder(dir, files);

        DatasetException e = assertThrows(DatasetException.class, () -> CifarBinaryReader.read(folder));

        assertTrue(e.getMessage().contains(CifarLayout.META_FILE + " (the class names) is missing"), e.getMessage());
    }

    @Test
    void aFolderWithoutDataAndAMissingPathSayWhatIsWrong() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        DatasetException noData = assertThrows(DatasetException.class, () -> CifarBinaryReader.read(empty));
        assertTrue(noData.getMessage().contains("holds no CIFAR-10 files"), noData.getMessage());

        Path nowhere = dir.resolve("nowhere");
        DatasetException missing = assertThrows(DatasetException.class, () -> CifarBinaryReader.read(nowhere));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }

    @Test
    void aDamagedArchiveSaysToDownloadAgain() throws IOException {
        Path archive = CifarTestFiles.writeArchive(dir.resolve(CifarLayout.ARCHIVE_NAME),
                CifarTestFiles.files(PER_FILE, TEST));
        byte[] bytes = Files.readAllBytes(archive);
        Files.write(archive, Arrays.copyOf(bytes, bytes.length / 2));

        DatasetException e = assertThrows(DatasetException.class, () -> CifarBinaryReader.read(archive));

        assertTrue(e.getMessage().contains("damaged or incomplete"), e.getMessage());
    }

    private static void assertSameContent(Map<String, byte[]> files, CifarDataset d) {
        assertEquals(CifarTestFiles.NAMES, d.classNames());
        assertEquals(5 * PER_FILE, d.train().size());
        assertEquals(TEST, d.test().size());
        for (int f = 0; f < 5; f++) {
            byte[] file = files.get(CifarLayout.TRAIN_FILES.get(f));
            for (int r = 0; r < PER_FILE; r++) {
                int i = f * PER_FILE + r;
                assertEquals(CifarTestFiles.label(file, r), d.train().label(i));
                assertArrayEquals(CifarTestFiles.image(file, r), CifarTestFiles.image(d.train(), i));
            }
        }
        byte[] test = files.get(CifarLayout.TEST_FILE);
        for (int r = 0; r < TEST; r++) {
            assertEquals(CifarTestFiles.label(test, r), d.test().label(r));
            assertArrayEquals(CifarTestFiles.image(test, r), CifarTestFiles.image(d.test(), r));
        }
    }
}
