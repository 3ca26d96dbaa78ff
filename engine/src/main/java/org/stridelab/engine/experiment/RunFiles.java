package org.stridelab.engine.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stridelab.engine.run.RunFolder;
import org.stridelab.engine.run.RunFolderReader;

/**
 * What a report needs from a run folder's logs, read through the one
 * {@link RunFolderReader}: a run still going (or copied mid-write) may end in a
 * half row, which is skipped; damage elsewhere is named in {@link #problems}.
 */
record RunFiles(int epochsLogged, double meanEpochSeconds, Map<String, double[]> lastStrides,
                List<String> problems) {

    static RunFiles read(RunFolder folder) {
        List<String> problems = new java.util.ArrayList<>();
        List<RunFolderReader.Epoch> epochs = RunFolderReader.epochs(folder, problems);
        List<RunFolderReader.Stride> strides = RunFolderReader.strides(folder, problems);
        double mean = epochs.stream().mapToDouble(RunFolderReader.Epoch::epochSeconds).average().orElse(Double.NaN);
        return new RunFiles(epochs.size(), mean, lastStrides(strides), List.copyOf(problems));
    }

    /** The [Sh, Sw] of each spectral layer at the last step logged (empty for strided convolutions). */
    private static Map<String, double[]> lastStrides(List<RunFolderReader.Stride> strides) {
        Map<String, double[]> last = new LinkedHashMap<>();
        long lastStep = Long.MIN_VALUE;
        for (RunFolderReader.Stride s : strides) {
            if (s.step() > lastStep) {
                last.clear();
                lastStep = s.step();
            }
            if (s.step() == lastStep) {
                last.put(s.layer(), new double[]{s.strideHeight(), s.strideWidth()});
            }
        }
        return last;
    }
}
