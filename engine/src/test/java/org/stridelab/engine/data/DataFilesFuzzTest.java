package org.stridelab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stridelab.engine.fuzz.FuzzCampaign;

/**
 * Damaged CIFAR-10 files (a training batch, the test batch's label list, the
 * whole .tar.gz) are read or refused with a one-line {@link DatasetException},
 * never a stack trace or a hang; the good files beside them are left as they were.
 */
class DataFilesFuzzTest {

    @Test
    void damagedBinaryBatchesAreRefusedWithAClearMessage(@TempDir Path dir) throws Exception {
        Map<String, byte[]> files = CifarTestFiles.files(4, 4);
        Path folder = CifarTestFiles.writeFolder(dir.resolve("cifar"), files);
        byte[] good = files.get(CifarLayout.TRAIN_FILES.get(0));
        FuzzCampaign.run("CIFAR batch", good, folder.resolve(CifarLayout.TRAIN_FILES.get(0)), 101,
                FuzzCampaign.PER_MUTATION, t -> t instanceof DatasetException, () -> CifarBinaryReader.read(folder));
        FuzzCampaign.run("CIFAR meta", files.get(CifarLayout.META_FILE), folder.resolve(CifarLayout.META_FILE), 102,
                FuzzCampaign.PER_MUTATION, t -> t instanceof DatasetException, () -> CifarBinaryReader.read(folder));
        assertArrayEquals(files.get(CifarLayout.TEST_FILE), Files.readAllBytes(folder.resolve(CifarLayout.TEST_FILE)),
                "the good files are untouched");
    }

    @Test
    void damagedArchivesAreRefusedWithAClearMessage(@TempDir Path dir) throws Exception {
        Path archive = CifarTestFiles.writeArchive(dir.resolve(CifarLayout.ARCHIVE_NAME), CifarTestFiles.files(4, 4));
        byte[] good = Files.readAllBytes(archive);
        FuzzCampaign.run("CIFAR tar.gz", good, archive, 103, FuzzCampaign.PER_MUTATION,
                t -> t instanceof DatasetException, () -> CifarBinaryReader.read(archive));
    }
}
