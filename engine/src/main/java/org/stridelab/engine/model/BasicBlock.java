package org.stridelab.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.stridelab.engine.nn.BatchNorm;
import org.stridelab.engine.nn.ConvLayer;
import org.stridelab.engine.nn.Layer;

/**
 * The ResNet basic block: two 3x3 convolutions with batch norm, and a residual
 * path that is the identity, or a 1x1 projection where the shape changes.
 *
 * <pre>
 *   main:     conv3x3(stride) → [pool] → BN+ReLU → conv3x3 → BN ───┐
 *   shortcut: identity, or [pool] → conv1x1(stride) → BN ──────────+→ ReLU
 * </pre>
 *
 * The shortcut pools before its 1x1 convolution, not after: both are linear,
 * bias-free and act on different axes (space, channels), so they commute exactly,
 * and pooling the block's input moves half the channels of the conv's output,
 * while the 1x1 conv then runs at the pooled resolution
 * ({@code ShortcutPoolingCommutesTest}).
 *
 * The last BN, the sum and the ReLU run as one fused pass ({@link BatchNorm#forwardAddRelu}).
 *
 * The optional pools come from the block's {@link DownsamplingSite}: for the
 * spectral methods they are two branches of one pooling layer, so that both
 * paths share the same (learned) stride and match in shape.
 */
public final class BasicBlock implements Layer {
    private final ConvLayer conv1;
    private final Layer pool1;
    private final BatchNorm bn1;
    private final ConvLayer conv2;
    private final BatchNorm bn2;
    private final ConvLayer shortcutConv;
    private final Layer shortcutPool;
    private final BatchNorm shortcutBn;
    private final DownsamplingSite site;
    private final String siteName;
    private final List<Layer> children;
    private ActivationRecorder recorder;

    public BasicBlock(String name, int in, int out, DownsamplingSite site, long seed) {
        this(name, in, out, site, ConvFactory.REAL, seed);
    }

    public BasicBlock(String name, int in, int out, DownsamplingSite site, ConvFactory convs, long seed) {
        this.site = site;
        this.siteName = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        int stride = site == null ? 1 : site.convStride();
        this.conv1 = convs.create(name + ".conv1", in, out, 3, stride, 1, seed);
        this.pool1 = site == null ? null : site.poolAfterMainConv().orElse(null);
        this.bn1 = new BatchNorm(name + ".bn1", out, true);
        this.conv2 = convs.create(name + ".conv2", out, out, 3, 1, 1, seed + 1);
        this.bn2 = new BatchNorm(name + ".bn2", out);
        boolean project = site != null || in != out;
        this.shortcutConv = project ? convs.create(name + ".shortcut.conv", in, out, 1, stride, 0, seed + 2) : null;
        this.shortcutPool = project && site != null ? site.poolOnShortcut().orElse(null) : null;
        this.shortcutBn = project ? new BatchNorm(name + ".shortcut.bn", out) : null;
        this.children = listChildren();
    }

    public Optional<DownsamplingSite> site() {
        return Optional.ofNullable(site);
    }

    /** Reports the maps around this block's downsampling (only blocks with a site report). */
    void setActivationRecorder(ActivationRecorder recorder) {
        this.recorder = site == null ? null : recorder;
    }

    @Override
    public INDArray forward(INDArray x, boolean training) {
        INDArray h = conv1.forward(x, training);
        if (recorder != null) {
            recorder.record(siteName, "before", pool1 != null ? h : x);
        }
        if (pool1 != null) {
            h = pool1.forward(h, training);
        }
        if (recorder != null) {
            recorder.record(siteName, "after", h);
        }
        h = bn1.forward(h, training); // with its ReLU folded in
        h = conv2.forward(h, training);
        INDArray s = x;
        if (shortcutConv != null) {
            if (shortcutPool != null) {
                s = shortcutPool.forward(s, training);
            }
            s = shortcutConv.forward(s, training);
            s = shortcutBn.forward(s, training);
        }
        return bn2.forwardAddRelu(h, s, training);
    }

    @Override
    public INDArray backward(INDArray gradOut) {
        // Masks gradOut in place by the ReLU; the sum then passes it unchanged to both paths.
        INDArray gMain = bn2.backwardAddRelu(gradOut);
        INDArray g = gradOut;
        gMain = conv2.backward(gMain);
        gMain = bn1.backward(gMain);
        if (pool1 != null) {
            gMain = pool1.backward(gMain);
        }
        gMain = conv1.backward(gMain);
        if (shortcutConv == null) {
            return gMain.addi(g);
        }
        INDArray gShort = shortcutConv.backward(shortcutBn.backward(g));
        if (shortcutPool != null) {
            gShort = shortcutPool.backward(gShort);
        }
        return gMain.addi(gShort);
    }

    /** Every layer of the block, each once, in forward order; the pools are the site's branches. */
    @Override
    public List<Layer> children() {
        return children; // made once: clearCache walks them after every step
    }

    private List<Layer> listChildren() {
        List<Layer> all = new ArrayList<>(List.of(conv1));
        if (pool1 != null) {
            all.add(pool1);
        }
        all.addAll(List.of(bn1, conv2, bn2));
        if (shortcutConv != null) {
            if (shortcutPool != null) {
                all.add(shortcutPool);
            }
            all.add(shortcutConv);
            all.add(shortcutBn);
        }
        return List.copyOf(all);
    }

    /** Multiply-adds per image of this block's convolutions for an input of the given size. */
    long multiplyAdds(int height, int width) {
        int[] mid = outputSize(height, width);
        long total = conv1.multiplyAdds(height, width) + conv2.multiplyAdds(mid[0], mid[1]);
        if (shortcutConv != null) {
            // a pooled shortcut convolves the pooled map; a strided one carries the stride itself
            total += shortcutPool != null ? shortcutConv.multiplyAdds(mid[0], mid[1])
                    : shortcutConv.multiplyAdds(height, width);
        }
        return total;
    }

    /** Output height and width for an input of the given size. */
    public int[] outputSize(int height, int width) {
        if (site == null) {
            return new int[]{height, width};
        }
        return site.outputSize(height, width);
    }
}
