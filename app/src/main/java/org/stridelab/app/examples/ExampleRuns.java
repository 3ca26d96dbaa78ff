package org.stridelab.app.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.stridelab.engine.io.AtomicFiles;

/**
 * The finished runs the lab ships (made by {@code assets/examples/make-examples.sh}),
 * so a lecture can start from curves, strides and masks without training.
 *
 * <p>They travel inside the application as resources, listed in {@code files.txt},
 * and are unpacked once into a folder of the user's lab home before they are
 * opened (a run folder is a folder on disk). A copy whose file list differs from
 * the shipped one (an older version of the lab) is unpacked again.
 */
public final class ExampleRuns {
    private static final String BASE = "/org/stridelab/app/examples/";

    /** One example: its folder among the shipped runs, its menu title, and whether it is a grid. */
    public record Example(String folder, String title, boolean grid) {
    }

    /** The examples in menu order. */
    public static final List<Example> ALL = List.of(
            new Example("strided-poor-start", "Strided convolution from a poor start (3, 2, 3)", false),
            new Example("diffstride-poor-start", "DiffStride from the same poor start (3, 2, 3)", false),
            new Example("grid-good-and-poor-start", "Grid: three methods from (2, 2, 2) and (3, 2, 3)", true));

    private ExampleRuns() {
    }

    /** Whether this build carries the examples (a build from a checkout without them does not). */
    public static boolean shipped() {
        return ExampleRuns.class.getResource(BASE + "files.txt") != null;
    }

    /**
     * Unpacks the examples into {@code home} (unless an identical copy is there)
     * and returns the folder of one of them.
     */
    public static Path unpack(Example example, Path home) throws IOException {
        List<String> files = fileList();
        Path list = home.resolve("files.txt");
        if (!Files.isRegularFile(list) || !Files.readAllLines(list, StandardCharsets.UTF_8).equals(files)) {
            for (String f : files) {
                Path target = home.resolve(f).normalize();
                if (!target.startsWith(home)) {
                    throw new IOException("the example file list names a path outside its folder: " + f);
                }
                Files.createDirectories(target.getParent());
                AtomicFiles.write(target, resource(f));
            }
            AtomicFiles.write(list, (String.join("\n", files) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return home.resolve(example.folder());
    }

    private static List<String> fileList() throws IOException {
        List<String> files = new ArrayList<>();
        for (String line : new String(resource("files.txt"), StandardCharsets.UTF_8).split("\n")) {
            String f = line.strip();
            if (!f.isEmpty()) {
                files.add(f.startsWith("./") ? f.substring(2) : f);
            }
        }
        return files;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ExampleRuns.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IOException("this build of the lab does not carry the example file " + name);
            }
            return in.readAllBytes();
        }
    }
}
