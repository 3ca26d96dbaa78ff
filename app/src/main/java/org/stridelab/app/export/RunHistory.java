package org.stridelab.app.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stridelab.engine.model.DownsamplingMethod;
import org.stridelab.engine.model.PoolingState;
import org.stridelab.engine.run.RunConfig;
import org.stridelab.engine.run.RunFolder;
import org.stridelab.engine.spectral.AxisCrop;
import org.stridelab.engine.spectral.SpectralGeometry;
import org.stridelab.engine.train.events.EpochEvent;
import org.stridelab.engine.train.events.StepEvent;
import org.stridelab.engine.train.events.StridesEvent;

/**
 * Reads what a run folder recorded (metrics.csv, epochs.csv, strides.csv)
 * back into the engine's event records, so a reopened run (from the app or
 * the command line) is drawn by exactly the code that draws a live one.
 * strides.csv holds strides and sizes but no masks; the masks are recomputed
 * from the strides with the engine's geometry (the same numbers the layer used).
 */
public final class RunHistory {
    /** Events in step order. */
    public record Events(List<StepEvent> steps, List<EpochEvent> epochs, List<StridesEvent> strides) {
    }

    private RunHistory() {
    }

    public static Events read(RunFolder folder, RunConfig config) throws IOException {
        List<StepEvent> steps = new ArrayList<>();
        List<EpochEvent> epochs = new ArrayList<>();
        List<StridesEvent> strides = new ArrayList<>();
        String id = config.name();
        for (String[] r : rows(folder.metrics())) {
            // step,epoch,batch,loss,learning_rate,images_per_second,elapsed_seconds
            steps.add(new StepEvent(id, i(r[1]), i(r[2]), 0, l(r[0]), d(r[3]), d(r[4]), d(r[5]), d(r[6])));
        }
        for (String[] r : rows(folder.epochs())) {
            // step,epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,epoch_seconds
            epochs.add(new EpochEvent(id, i(r[1]), l(r[0]), d(r[2]), d(r[3]), d(r[4]), d(r[5]), d(r[6])));
        }
        Map<Long, List<PoolingState>> byStep = new LinkedHashMap<>();
        Map<Long, Long> cost = new LinkedHashMap<>();
        for (String[] r : rows(folder.strides())) {
            // step,layer,stride_h,stride_w,input_h,input_w,output_h,output_w,multiply_adds_per_image
            long step = l(r[0]);
            byStep.computeIfAbsent(step, k -> new ArrayList<>()).add(new PoolingState(r[1], d(r[2]), d(r[3]),
                    i(r[4]), i(r[5]), i(r[6]), i(r[7]), new float[0], new float[0]));
            cost.put(step, l(r[8]));
        }
        List<Long> keys = new ArrayList<>(byStep.keySet());
        for (int k = 0; k < keys.size(); k++) {
            long step = keys.get(k);
            List<PoolingState> layers = byStep.get(step);
            if (k == keys.size() - 1) {
                layers = withMasks(layers, config); // only the last state is drawn as masks
            }
            strides.add(new StridesEvent(id, step, layers, cost.get(step)));
        }
        return new Events(steps, epochs, strides);
    }

    /** The layers with their 1-D masks recomputed from strides and sizes. */
    static List<PoolingState> withMasks(List<PoolingState> layers, RunConfig config) {
        List<PoolingState> out = new ArrayList<>();
        for (PoolingState s : layers) {
            if (s.inputHeight() < 2 || s.inputWidth() < 2) {
                out.add(s);
                continue;
            }
            AxisCrop rows;
            AxisCrop cols;
            if (config.method() == DownsamplingMethod.DIFFSTRIDE) {
                double r = config.smoothness();
                rows = SpectralGeometry.diffStrideRows(s.inputHeight(),
                        SpectralGeometry.clampStride(s.inputHeight(), s.strideHeight(), r), r);
                cols = SpectralGeometry.diffStrideColumns(s.inputWidth(),
                        SpectralGeometry.clampStride(s.inputWidth(), s.strideWidth(), r), r);
            } else {
                rows = SpectralGeometry.fixedRows(s.inputHeight(), s.strideHeight());
                cols = SpectralGeometry.fixedColumns(s.inputWidth(), s.strideWidth());
            }
            out.add(new PoolingState(s.name(), s.strideHeight(), s.strideWidth(), s.inputHeight(), s.inputWidth(),
                    s.outputHeight(), s.outputWidth(), rows.maskAsFloats(), cols.maskAsFloats()));
        }
        return out;
    }

    private static List<String[]> rows(Path file) throws IOException {
        List<String[]> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int k = 1; k < lines.size(); k++) {
            String line = lines.get(k).strip();
            if (!line.isEmpty()) {
                String[] r = line.split(",", -1);
                if (r.length >= 7) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }

    private static long l(String s) {
        return Long.parseLong(s);
    }

    private static int i(String s) {
        return Integer.parseInt(s);
    }
}
