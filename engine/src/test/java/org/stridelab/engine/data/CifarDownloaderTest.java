package org.stridelab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarDownloaderTest {

    @TempDir
    Path dir;

    private byte[] content;
    private String md5;
    private HttpServer server;
    private volatile boolean honourRange = true;
    /** The Range header of every request, or "" when there was none. */
    private final List<String> ranges = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        Path archive = CifarTestFiles.writeArchive(dir.resolve("source.tar.gz"), CifarTestFiles.files(20, 30, null));
        content = Files.readAllBytes(archive);
        Files.delete(archive);
        md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cifar.tar.gz", this::serve);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String range = exchange.getRequestHeaders().getFirst("Range");
        ranges.add(range == null ? "" : range);
        long start = 0;
        if (range != null && honourRange) {
            start = Long.parseLong(range.replace("bytes=", "").replace("-", "").trim());
            if (start >= content.length) {
                exchange.sendResponseHeaders(416, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("Content-Range",
                    "bytes " + start + "-" + (content.length - 1) + "/" + content.length);
            exchange.sendResponseHeaders(206, content.length - start);
        } else {
            exchange.sendResponseHeaders(200, content.length);
        }
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(content, (int) start, (int) (content.length - start));
        }
    }

    private CifarDownloader downloader(String expectedMd5) {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/cifar.tar.gz");
        return new CifarDownloader(uri, expectedMd5, dir.resolve("cache"));
    }

    @Test
    void downloadsVerifiesAndReportsMonotoneProgress() throws IOException {
        List<long[]> reports = new CopyOnWriteArrayList<>();
        CifarDownloader d = downloader(md5);

        Path archive = d.download((done, total) -> reports.add(new long[] {done, total}));

        assertEquals(d.archivePath(), archive);
        assertArrayEquals(content, Files.readAllBytes(archive));
        assertFalse(Files.exists(d.partPath()));
        assertEquals(List.of(""), ranges);
        assertFalse(reports.isEmpty());
        for (int i = 0; i < reports.size(); i++) {
            assertEquals(content.length, reports.get(i)[1]);
            if (i > 0) {
                assertTrue(reports.get(i)[0] >= reports.get(i - 1)[0], "progress went backwards");
            }
        }
        assertEquals(content.length, reports.get(reports.size() - 1)[0]);
        // And the reader takes it as it is.
        assertEquals(100, CifarBinaryReader.read(archive).train().size());
        // The checked MD5 is recorded beside it, so that reports may call it CIFAR-10.
        assertEquals(md5 + " " + content.length, Files.readString(
                archive.resolveSibling(archive.getFileName() + VerifiedCifar.ARCHIVE_SUFFIX)).trim());
        System.setProperty(CifarDownloader.MIRROR_MD5_PROPERTY, md5);
        try {
            assertTrue(CifarBinaryReader.read(archive).description().startsWith("CIFAR-10 from "));
        } finally {
            System.clearProperty(CifarDownloader.MIRROR_MD5_PROPERTY);
        }
    }

    @Test
    void trainingWithDownloadUsesTheMirrorProperty() {
        // `train --data cifar10 --download` resolves through here; it used to go to Toronto whatever the property
        System.setProperty(CifarDownloader.MIRROR_PROPERTY,
                "http://127.0.0.1:" + server.getAddress().getPort() + "/cifar.tar.gz");
        System.setProperty(CifarDownloader.MIRROR_MD5_PROPERTY, md5);
        System.setProperty("stridelab.home", dir.resolve("home").toString());
        try {
            DatasetSplits splits = DataSourceResolver.resolve("cifar10", DownloadProgress.NONE, true);
            assertEquals(List.of(""), ranges, "one request, to the mirror");
            assertEquals(100, splits.train().size(), splits.description());
            assertTrue(Files.exists(DataHome.datasets().resolve(CifarLayout.ARCHIVE_NAME)));
        } finally {
            System.clearProperty(CifarDownloader.MIRROR_PROPERTY);
            System.clearProperty(CifarDownloader.MIRROR_MD5_PROPERTY);
            System.clearProperty("stridelab.home");
        }
    }

    @Test
    void resumesAPartialFileWithARangeRequest() throws IOException {
        CifarDownloader d = downloader(md5);
        Files.createDirectories(d.partPath().getParent());
        int half = content.length / 2;
        Files.write(d.partPath(), Arrays.copyOf(content, half));
        List<long[]> reports = new CopyOnWriteArrayList<>();

        Path archive = d.download((done, total) -> reports.add(new long[] {done, total}));

        assertEquals(List.of("bytes=" + half + "-"), ranges);
        assertArrayEquals(content, Files.readAllBytes(archive));
        assertFalse(Files.exists(d.partPath()));
        assertEquals(half, reports.get(0)[0], "progress starts where the part file ended");
    }

    @Test
    void restartsFromZeroWhenTheServerIgnoresRange() throws IOException {
        honourRange = false;
        CifarDownloader d = downloader(md5);
        Files.createDirectories(d.partPath().getParent());
        byte[] junk = new byte[content.length / 3];
        new Random(3).nextBytes(junk);
        Files.write(d.partPath(), junk); // would corrupt the result if it were kept

        Path archive = d.download(DownloadProgress.NONE);

        assertEquals(1, ranges.size());
        assertTrue(ranges.get(0).startsWith("bytes="), "the downloader asked for a range");
        assertArrayEquals(content, Files.readAllBytes(archive));
    }

    @Test
    void aCompletePartFileIsFinishedWhenTheServerHasNothingMore() throws IOException {
        CifarDownloader d = downloader(md5);
        Files.createDirectories(d.partPath().getParent());
        Files.write(d.partPath(), content);

        Path archive = d.download(DownloadProgress.NONE);

        assertEquals(List.of("bytes=" + content.length + "-"), ranges);
        assertArrayEquals(content, Files.readAllBytes(archive));
    }

    @Test
    void aChecksumMismatchLeavesNothingInPlace() {
        CifarDownloader d = downloader("00000000000000000000000000000000");

        DatasetException e = assertThrows(DatasetException.class, () -> d.download(DownloadProgress.NONE));

        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
        assertTrue(e.getMessage().contains(md5), "names the actual checksum: " + e.getMessage());
        assertTrue(e.getMessage().contains("00000000000000000000000000000000"), e.getMessage());
        assertFalse(Files.exists(d.archivePath()));
        assertFalse(Files.exists(d.partPath()));
    }

    @Test
    void connectionRefusedSaysTheAddressCannotBeReachedAndWhereToPutTheFile() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        URI uri = URI.create("http://127.0.0.1:" + port + "/cifar.tar.gz");
        CifarDownloader d = new CifarDownloader(uri, md5, dir.resolve("cache"));

        DatasetException e = assertThrows(DatasetException.class, () -> d.download(DownloadProgress.NONE));

        assertTrue(e.getMessage().startsWith("This machine cannot reach " + uri), e.getMessage());
        assertTrue(e.getMessage().contains(d.archivePath().toString()), e.getMessage());
        assertFalse(Files.exists(d.archivePath()));
    }

    @Test
    void anHttpErrorIsReported() {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/no-such-file");
        CifarDownloader d = new CifarDownloader(uri, md5, dir.resolve("cache"));

        DatasetException e = assertThrows(DatasetException.class, () -> d.download(DownloadProgress.NONE));

        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
    }

    @Test
    void cancellingKeepsAValidPrefixThatTheNextDownloadResumes() throws IOException {
        CifarDownloader d = downloader(md5);
        AtomicInteger updates = new AtomicInteger();

        assertThrows(DownloadCancelledException.class,
                () -> d.download((done, total) -> updates.incrementAndGet(), () -> updates.get() > 1));

        assertFalse(Files.exists(d.archivePath()));
        byte[] part = Files.readAllBytes(d.partPath());
        assertTrue(part.length > 0 && part.length < content.length, "kept " + part.length + " bytes");
        assertArrayEquals(Arrays.copyOf(content, part.length), part);

        Path archive = d.download(DownloadProgress.NONE);

        assertEquals("bytes=" + part.length + "-", ranges.get(ranges.size() - 1));
        assertArrayEquals(content, Files.readAllBytes(archive));
    }

    @Test
    void anInterruptedThreadCancels() {
        CifarDownloader d = downloader(md5);
        Thread.currentThread().interrupt();
        try {
            assertThrows(DownloadCancelledException.class, () -> d.download(DownloadProgress.NONE));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt stays visible to the caller");
        } finally {
            Thread.interrupted();
        }
        assertFalse(Files.exists(d.archivePath()));
    }

    @Test
    void anArchiveAlreadyInPlaceIsNotDownloadedAgain() throws IOException {
        CifarDownloader d = downloader(md5);
        Files.createDirectories(d.archivePath().getParent());
        Files.write(d.archivePath(), content);

        assertEquals(d.archivePath(), d.download(DownloadProgress.NONE));
        assertTrue(ranges.isEmpty());
    }
}
