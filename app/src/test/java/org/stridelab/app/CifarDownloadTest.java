package org.stridelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.stridelab.app.config.LaunchOptions;
import org.stridelab.app.training.SessionState;
import org.stridelab.app.training.TrainingWorker;
import org.stridelab.engine.data.CifarDownloader;
import org.stridelab.engine.data.CifarLayout;
import org.stridelab.engine.data.DataHome;
import org.stridelab.engine.io.Json;
import org.stridelab.engine.run.RunFolder;
import org.stridelab.engine.train.events.RunSummary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.stridelab.engine.data.CifarTestFiles;

/**
 * The CIFAR-10 path of the lab against a local server: Start asks, the
 * download shows its progress dialog, the archive lands in the cache and the
 * run trains on it; an unreachable server gives a clear message and leaves
 * Start usable. The server sends a small archive slowly, so the progress dialog
 * is on screen long enough to be seen, as it is for the real 170 MB.
 */
@ExtendWith(ApplicationExtension.class)
class CifarDownloadTest {
    private static final int CHUNK = 16 * 1024;
    private static final long CHUNK_PAUSE_MS = 40;

    @TempDir
    static Path dir;
    private static HttpServer server;
    private static byte[] archive;
    private static String md5;
    private static final AtomicInteger requests = new AtomicInteger();
    private static final Map<String, String> before = new java.util.HashMap<>();
    private LabWindow window;

    @BeforeAll
    static void serveArchive() throws Exception {
        for (String key : List.of(DataHome.HOME_PROPERTY, CifarDownloader.MIRROR_PROPERTY,
                CifarDownloader.MIRROR_MD5_PROPERTY)) {
            before.put(key, System.getProperty(key));
        }
        // Datasets of the window's own start-up (the inspector's images) stay in a home of their own.
        System.setProperty(DataHome.HOME_PROPERTY, dir.resolve("start-home").toString());
        archive = Files.readAllBytes(CifarTestFiles.writeArchive(dir.resolve("small.tar.gz"), CifarTestFiles.files(20, 40)));
        md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(archive));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cifar-10-binary.tar.gz", CifarDownloadTest::serve);
        server.start();
        TrainingWorker.start();
    }

    @AfterAll
    static void restore() {
        server.stop(0);
        before.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    private static void serve(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        exchange.sendResponseHeaders(200, archive.length);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int at = 0; at < archive.length; at += CHUNK) {
                out.write(archive, at, Math.min(CHUNK, archive.length - at));
                out.flush();
                try {
                    Thread.sleep(CHUNK_PAUSE_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Start
    void start(Stage stage) {
        // cifar10 from the start: the inspector then waits for the download instead of generating images
        window = new LabWindow(stage, new LaunchOptions(Map.of("data", "cifar10", "width", "0.125", "batch", "32",
                "epochs", "1", "train-limit", "0"), false, null, dir.resolve("runs").toString(), List.of(), List.of()),
                TrainingWorker.shared(), () -> { });
        stage.show();
        stage.requestFocus();
    }

    @AfterEach
    void stopAnyRun(FxRobot robot) throws Exception {
        LabWindowTests.stopAnyRun(robot, window);
    }

    @Test
    void theDownloadShowsItsProgressFillsTheCacheAndTheRunTrainsOnIt(FxRobot robot) throws Exception {
        Path home = dir.resolve("home-download");
        System.setProperty(DataHome.HOME_PROPERTY, home.toString());
        System.setProperty(CifarDownloader.MIRROR_PROPERTY, "http://127.0.0.1:" + server.getAddress().getPort()
                + "/cifar-10-binary.tar.gz");
        System.setProperty(CifarDownloader.MIRROR_MD5_PROPERTY, md5);
        int served = requests.get();

        pressStartAndAcceptTheDownload(robot);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#downloadProgress").tryQuery()
                .map(bar -> bar.isVisible() && ((ProgressBar) bar).getProgress() > 0).orElse(false));
        assertTrue(fx(() -> robot.lookup(".dialog-pane").queryAll().stream().anyMatch(p ->
                ((DialogPane) p).getHeaderText().startsWith("Downloading CIFAR-10 into " + home))),
                "the dialog says where the archive goes");

        Path cached = home.resolve("datasets").resolve(CifarLayout.ARCHIVE_NAME);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Files.isRegularFile(cached));
        assertEquals(archive.length, Files.size(cached), "the whole archive, verified and renamed into place");
        assertFalse(Files.exists(cached.resolveSibling(CifarLayout.ARCHIVE_NAME + ".part")));

        // the run goes on with the downloaded data: one short epoch on 100 images, then the test split
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> window.state() == SessionState.IDLE)
                && new RunFolder(fx(() -> window.currentRun().folder())).isFinished());
        assertFalse(robot.lookup("#downloadProgress").tryQuery().map(javafx.scene.Node::isVisible).orElse(false),
                "the progress dialog closed when the data was ready");
        RunSummary summary = Json.read(new RunFolder(fx(() -> window.currentRun().folder())).summary(),
                RunSummary.class);
        assertTrue(summary.dataset().contains(CifarTestFiles.DESCRIPTION), summary.dataset());
        assertEquals(served + 1, requests.get(), "one request: nothing downloaded twice");
    }

    @Test
    void anUnreachableServerIsExplainedAndStartStaysUsable(FxRobot robot) throws Exception {
        Path home = dir.resolve("home-offline");
        System.setProperty(DataHome.HOME_PROPERTY, home.toString());
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        System.setProperty(CifarDownloader.MIRROR_PROPERTY, "http://127.0.0.1:" + closedPort + "/cifar.tar.gz");
        System.setProperty(CifarDownloader.MIRROR_MD5_PROPERTY, md5);

        pressStartAndAcceptTheDownload(robot);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").queryAll().stream()
                .anyMatch(p -> ((DialogPane) p).getHeaderText().contains("could not be loaded")));
        String message = fx(() -> robot.lookup(".dialog-pane").queryAll().stream().map(p -> (DialogPane) p)
                .filter(p -> p.getHeaderText().contains("could not be loaded")).findFirst().orElseThrow()
                .getContentText());
        assertTrue(message.startsWith("This machine cannot reach http://127.0.0.1:" + closedPort), message);
        assertTrue(message.contains(home.resolve("datasets").resolve(CifarLayout.ARCHIVE_NAME).toString()),
                "and says where to put the archive by hand: " + message);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> window.state() == SessionState.IDLE));
        assertTrue(fx(() -> window.statusBar().getText()).contains("cannot reach"), "the status line says it too");
        assertFalse(fx(() -> robot.lookup("#startButton").queryAs(Button.class).isDisabled()), "Start is usable");
        assertFalse(Files.exists(home.resolve("datasets").resolve(CifarLayout.ARCHIVE_NAME)));
        robot.clickOn("OK");
    }

    /** Start asks before downloading (a modal question, so it is pressed outside the robot's own wait). */
    private void pressStartAndAcceptTheDownload(FxRobot robot) throws Exception {
        Platform.runLater(() -> window.stage().getScene().lookup("#startButton").fireEvent(
                new javafx.event.ActionEvent()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> downloadButton(robot) != null);
        robot.clickOn(downloadButton(robot));
    }

    /** The question's Download button once it is on screen, or null. */
    private static javafx.scene.Node downloadButton(FxRobot robot) {
        return robot.lookup(".button").match(n -> n instanceof Button b && "Download".equals(b.getText())
                && b.isVisible() && b.getScene() != null && b.getScene().getWindow().isShowing()
                && b.getWidth() > 0).tryQuery().orElse(null);
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return LabWindowTests.fx(c);
    }
}
