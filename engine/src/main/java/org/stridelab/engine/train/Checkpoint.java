package org.stridelab.engine.train;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.stridelab.engine.model.ResNet18;
import org.stridelab.engine.nn.Parameter;
import org.stridelab.engine.io.AtomicFiles;
import org.stridelab.engine.io.Json;

/**
 * A complete training state in one zip file: parameters (strides included),
 * batch-norm statistics, optimiser state and the {@link TrainerState}. Written
 * atomically, so the file on disk is always the last complete checkpoint.
 */
public final class Checkpoint {
    private static final String STATE = "trainer.json";

    private Checkpoint() {
    }

    public static void save(Path file, ResNet18 model, Optimizer optimizer, TrainerState state) throws IOException {
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.setLevel(1);
            put(zip, STATE, Json.write(state).getBytes(StandardCharsets.UTF_8));
            for (Parameter p : model.parameters()) {
                putArray(zip, "param/" + p.name(), p.value());
            }
            for (var e : model.buffers().entrySet()) {
                putArray(zip, "buffer/" + e.getKey(), e.getValue());
            }
            if (optimizer != null) {
                for (var e : optimizer.state().entrySet()) {
                    putArray(zip, "optimizer/" + e.getKey(), e.getValue());
                }
            }
            zip.finish();
        });
    }

    /** Loads a checkpoint into a network of the same configuration; returns the trainer state. */
    public static TrainerState load(Path file, ResNet18 model, Optimizer optimizer) throws IOException {
        Map<String, INDArray> arrays = new HashMap<>();
        TrainerState state = null;
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                // Whole entries first: the zip checks each one's CRC at its end, so damaged
                // bytes are refused before a parser (and its size fields) ever sees them.
                byte[] bytes = zip.readAllBytes();
                if (e.getName().equals(STATE)) {
                    state = Json.mapper().readValue(bytes, TrainerState.class);
                } else {
                    arrays.put(e.getName(), Nd4j.read(new DataInputStream(new ByteArrayInputStream(bytes))));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IOException("checkpoint " + file + " is damaged or unreadable: " + rootCause(e), e);
        }
        if (state == null) {
            throw new IOException("checkpoint " + file + " has no trainer state: it is incomplete");
        }
        for (Parameter p : model.parameters()) {
            assign(arrays, "param/" + p.name(), p.value(), file);
        }
        for (var e : model.buffers().entrySet()) {
            assign(arrays, "buffer/" + e.getKey(), e.getValue(), file);
        }
        if (optimizer != null) {
            Map<String, INDArray> opt = new HashMap<>();
            arrays.forEach((k, v) -> {
                if (k.startsWith("optimizer/")) {
                    opt.put(k.substring("optimizer/".length()), v);
                }
            });
            try {
                optimizer.restore(opt);
            } catch (IllegalStateException | IllegalArgumentException e) {
                throw new IOException("checkpoint " + file + " is incomplete or does not match this network: "
                        + e.getMessage(), e);
            }
        }
        return state;
    }

    /** The innermost reason, in one line: zip and ND4J wrap the useful message in several layers. */
    private static String rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        if (m == null || m.isBlank()) {
            return root instanceof java.io.EOFException ? "the file ends too early" : root.getClass().getSimpleName();
        }
        return m.lines().findFirst().orElse(m).strip();
    }

    /** Reads only the trainer state (for listing runs without building a network). */
    public static TrainerState readState(Path file) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals(STATE)) {
                    return Json.mapper().readValue(zip.readAllBytes(), TrainerState.class);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IOException("checkpoint " + file + " is damaged or unreadable: " + rootCause(e), e);
        }
        throw new IOException("checkpoint " + file + " has no trainer state");
    }

    private static void assign(Map<String, INDArray> arrays, String key, INDArray target, Path file)
            throws IOException {
        INDArray saved = arrays.get(key);
        if (saved == null || saved.length() != target.length()) {
            throw new IOException("checkpoint " + file + (saved == null ? " lacks " + key + ": it is incomplete (cut "
                    + "short?) or was written for another network (method, width or PHC setting)"
                    : " does not match this network (" + key + " has " + saved.length() + " values, expected "
                    + target.length() + "): was it written with another method, width or PHC setting?"));
        }
        target.assign(saved.reshape(target.shape()).castTo(target.dataType()));
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static void putArray(ZipOutputStream zip, String name, INDArray array) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        DataOutputStream data = new DataOutputStream(zip);
        Nd4j.write(array, data);
        data.flush();
        zip.closeEntry();
    }
}
