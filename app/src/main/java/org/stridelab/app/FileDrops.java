package org.stridelab.app;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.scene.Scene;
import javafx.scene.input.TransferMode;

/** What a file dropped on the window does: a run folder is reopened, anything else is inspected as a picture. */
final class FileDrops {
    private FileDrops() {
    }

    static boolean isRunFolder(File dir) {
        return dir.isDirectory() && new File(dir, "config.json").isFile();
    }

    /**
     * @param opensAsRun whether a dropped file is opened as a run (a run folder, while nothing trains)
     */
    static void install(Scene scene, Predicate<File> opensAsRun, Consumer<Path> openRun, Consumer<File> inspect) {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
            if (ok) {
                File dropped = e.getDragboard().getFiles().get(0);
                if (opensAsRun.test(dropped)) {
                    openRun.accept(dropped.toPath());
                } else {
                    inspect.accept(dropped);
                }
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }
}
