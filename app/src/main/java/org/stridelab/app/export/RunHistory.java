package org.stridelab.app.export;

import org.stridelab.engine.train.LiveChange;
import org.stridelab.engine.train.LiveSettings;
import org.stridelab.engine.train.events.LiveChangeEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stridelab.engine.model.DownsamplingMethod;
import org.stridelab.engine.spectral.PoolingState;
import org.stridelab.engine.config.RunConfig;
import org.stridelab.engine.run.RunFolder;
import org.stridelab.engine.run.RunFolderReader;
import org.stridelab.engine.spectral.AxisCrop;
import org.stridelab.engine.spectral.SpectralGeometry;
import org.stridelab.engine.train.events.EpochEvent;
import org.stridelab.engine.train.events.StepEvent;
import org.stridelab.engine.train.events.StridesEvent;

/**
 * Turns what a run folder recorded (read by the engine's {@link RunFolderReader})
 * back into the engine's event records, so a reopened run (from the app or
 * the command line) is drawn by exactly the code that draws a live one.
 * strides.csv holds strides and sizes but no masks; the masks are recomputed
 * from the strides with the engine's geometry (the same numbers the layer used).
 */
public final class RunHistory {
    /** Events in step order, and what of the folder's logs could not be read (one line per damaged file). */
    public record Events(List<StepEvent> steps, List<EpochEvent> epochs, List<StridesEvent> strides,
                         List<LiveChangeEvent> changes, RunConfig latestConfig, List<String> problems) {
    }

    private RunHistory() {
    }

    /** Never fails on damaged logs: it returns what is readable and names the rest in {@link Events#problems()}. */
    public static Events read(RunFolder folder, RunConfig config) {
        RunFolderReader.Contents logs = RunFolderReader.read(folder);
        String id = config.name();
        List<StepEvent> steps = new ArrayList<>();
        for (RunFolderReader.Step r : logs.steps()) {
            steps.add(new StepEvent(id, r.epoch(), r.batch(), 0, r.step(), r.loss(), r.learningRate(),
                    r.imagesPerSecond(), r.elapsedSeconds()));
        }
        List<EpochEvent> epochs = new ArrayList<>();
        for (RunFolderReader.Epoch r : logs.epochs()) {
            epochs.add(new EpochEvent(id, r.epoch(), r.step(), r.trainLoss(), r.trainAccuracy(), r.validationLoss(),
                    r.validationAccuracy(), r.epochSeconds()));
        }
        Map<Long, List<PoolingState>> byStep = new LinkedHashMap<>();
        Map<Long, Long> cost = new LinkedHashMap<>();
        for (RunFolderReader.Stride r : logs.strides()) {
            byStep.computeIfAbsent(r.step(), k -> new ArrayList<>()).add(new PoolingState(r.layer(),
                    r.strideHeight(), r.strideWidth(), r.inputHeight(), r.inputWidth(), r.outputHeight(),
                    r.outputWidth(), new float[0], new float[0]));
            cost.put(r.step(), r.multiplyAddsPerImage());
        }
        List<StridesEvent> strides = new ArrayList<>();
        List<Long> keys = new ArrayList<>(byStep.keySet());
        for (int k = 0; k < keys.size(); k++) {
            long step = keys.get(k);
            List<PoolingState> layers = byStep.get(step);
            if (k == keys.size() - 1) {
                layers = withMasks(layers, config); // only the last state is drawn as masks
            }
            strides.add(new StridesEvent(id, step, layers, cost.get(step)));
        }
        List<LiveChangeEvent> changes = new ArrayList<>();
        RunConfig latest = config;
        for (LiveChange c : logs.changes()) {
            double previous = LiveSettings.valueIn(latest, c.setting());
            latest = LiveSettings.applied(latest, c.setting(), c.value());
            changes.add(new LiveChangeEvent(id, c.step(), c.setting().key(), c.setting().label(), previous,
                    c.value(), c.firstBatchStep(), false));
        }
        return new Events(steps, epochs, strides, changes, latest, logs.problems());
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
            if (config.model().method() == DownsamplingMethod.DIFFSTRIDE) {
                double r = config.diffStride().smoothness();
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
}
