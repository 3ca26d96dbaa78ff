package org.stridelab.engine.model;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The activations of one image just before and just after each downsampling
 * site, a few channels each, as plain arrays: what the pooling keeps and what
 * it throws away. For strided convolution "before" is the block's input and
 * "after" its strided first convolution; for the spectral methods "before" is
 * the stride-1 convolution and "after" the pooled map.
 *
 * @param sites in network order
 */
public record FeatureMaps(List<Site> sites) {

    /** One site: {@code before[c][y][x]} and {@code after[c][y][x]} for the first channels. */
    public record Site(String name, float[][][] before, float[][][] after) {
    }

    /**
     * Runs {@code model} in evaluation mode on one normalised image (CHW, 3x32x32)
     * and keeps up to {@code channels} channels around every site. Must run on the
     * thread that owns the model, between training steps (see
     * {@code TrainerControl.runBetweenSteps}).
     */
    public static FeatureMaps capture(ResNet18 model, float[] image, int channels) {
        List<String> order = new ArrayList<>();
        java.util.Map<String, float[][][]> before = new java.util.HashMap<>();
        java.util.Map<String, float[][][]> after = new java.util.HashMap<>();
        try (MemoryWorkspace scope = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray x = Nd4j.create(image, new long[]{1, 3, 32, 32}, 'c').castTo(Nd4j.defaultFloatingPointType());
            model.setActivationRecorder((site, where, a) -> {
                if (!order.contains(site)) {
                    order.add(site);
                }
                ("before".equals(where) ? before : after).put(site, toArrays(a, channels));
            });
            try {
                model.forward(x, false);
            } finally {
                model.setActivationRecorder(null);
                model.clearCache();
            }
        }
        List<Site> sites = new ArrayList<>();
        for (String s : order) {
            sites.add(new Site(s, before.get(s), after.get(s)));
        }
        return new FeatureMaps(List.copyOf(sites));
    }

    private static float[][][] toArrays(INDArray channelsLast, int channels) {
        INDArray a = channelsLast.permute(0, 3, 1, 2);
        int c = (int) Math.min(channels, a.size(1));
        int h = (int) a.size(2);
        int w = (int) a.size(3);
        float[] flat = a.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, c)).castTo(DataType.FLOAT).dup('c')
                .reshape(c * h * w).toFloatVector();
        float[][][] out = new float[c][h][w];
        for (int k = 0; k < c; k++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(flat, (k * h + y) * w, out[k][y], 0, w);
            }
        }
        return out;
    }
}
