package org.stridelab.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourceResolverTest {

    @TempDir
    Path dir;

    /** A downloader that must not be used: it points at a port nobody listens on. */
    private CifarDownloader unusedDownloader() {
        return new CifarDownloader(URI.create("http://127.0.0.1:9/x"), "0", dir.resolve("unused"));
    }

    @Test
    void cifar10WithoutACopyAndWithoutDownloadExplainsHowToGetIt() {
        Path datasets = dir.resolve("datasets");

        DatasetException e = assertThrows(DatasetException.class, () -> DataSourceResolver.resolve("cifar10",
                DownloadProgress.NONE, false, datasets, unusedDownloader()));

        assertTrue(e.getMessage().contains("`download` command"), e.getMessage());
        assertTrue(e.getMessage().contains(datasets.resolve(CifarLayout.ARCHIVE_NAME).toString()), e.getMessage());
    }

    @Test
    void cifar10UsesTheArchiveInTheCache() throws IOException {
        Path datasets = Files.createDirectories(dir.resolve("datasets"));
        CifarTestFiles.writeArchive(datasets.resolve(CifarLayout.ARCHIVE_NAME), CifarTestFiles.files(4, 20));

        DatasetSplits s = DataSourceResolver.resolve("cifar10", DownloadProgress.NONE, false, datasets,
                unusedDownloader());

        assertEquals(20, s.train().size());
        assertEquals(10, s.validation().size());
        assertEquals(10, s.test().size());
    }

    @Test
    void cifar10PrefersAnUnpackedFolder() throws IOException {
        Path datasets = dir.resolve("datasets");
        Path folder = CifarTestFiles.writeFolder(datasets.resolve(CifarLayout.FOLDER_NAME), CifarTestFiles.files(2, 4));
        Files.writeString(datasets.resolve(CifarLayout.ARCHIVE_NAME), "not an archive");

        assertEquals(folder, DataSourceResolver.locate("cifar10", DownloadProgress.NONE, false, datasets,
                unusedDownloader()));
    }

    @Test
    void aPathIsReadAsAFolderOrArchive() throws IOException {
        Path folder = CifarTestFiles.writeFolder(dir.resolve("mine"), CifarTestFiles.files(3, 6));

        DatasetSplits s = DataSourceResolver.resolve(folder.toString(), DownloadProgress.NONE, false);

        assertEquals(15, s.train().size());
        assertEquals(3, s.validation().size());
        assertTrue(s.description().contains(folder.toString()), s.description());
    }

    @Test
    void generatedMakesTheDefaultDatasetInTheCache() {
        Path datasets = dir.resolve("datasets");

        DatasetSplits s = DataSourceResolver.resolve("generated", DownloadProgress.NONE, false, datasets,
                unusedDownloader());

        assertEquals(GeneratedDataset.DEFAULT_TRAIN_COUNT, s.train().size());
        assertEquals(GeneratedDataset.DEFAULT_TEST_COUNT / 2, s.validation().size());
        assertEquals(GeneratedDataset.DEFAULT_TEST_COUNT / 2, s.test().size());
        assertTrue(Files.isDirectory(datasets.resolve(DataHome.GENERATED_FOLDER_NAME)));
    }

    @Test
    void anUnknownSpecSaysWhatIsAccepted() {
        DatasetException e = assertThrows(DatasetException.class, () -> DataSourceResolver.resolve(
                dir.resolve("nope").toString(), DownloadProgress.NONE, false));
        assertTrue(e.getMessage().contains("'cifar10'") && e.getMessage().contains("'generated'"), e.getMessage());
    }

    @Test
    void dataHomeFollowsTheSystemProperty() {
        String before = System.getProperty(DataHome.HOME_PROPERTY);
        try {
            System.setProperty(DataHome.HOME_PROPERTY, dir.toString());
            assertEquals(dir.resolve("datasets"), DataHome.datasets());
            assertEquals(dir.resolve("datasets").resolve("generated-v1"), DataHome.generatedFolder());
            assertEquals(dir.resolve("datasets").resolve(CifarLayout.ARCHIVE_NAME), DataHome.cifarArchive());
        } finally {
            if (before == null) {
                System.clearProperty(DataHome.HOME_PROPERTY);
            } else {
                System.setProperty(DataHome.HOME_PROPERTY, before);
            }
        }
    }

    @Test
    void aRunStoresItsDataPathAbsoluteSoThatResumingFromAnotherFolderFindsIt() {
        assertEquals("generated", DataSourceResolver.canonical(" generated "));
        assertEquals("cifar10", DataSourceResolver.canonical("cifar10"));
        String stored = DataSourceResolver.canonical("datasets/../my-cifar");
        assertEquals(java.nio.file.Path.of("my-cifar").toAbsolutePath().toString(), stored);
        assertTrue(java.nio.file.Path.of(stored).isAbsolute());
    }
}
