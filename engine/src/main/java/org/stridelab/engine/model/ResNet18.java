package org.stridelab.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.stridelab.engine.nn.BatchNorm;
import org.stridelab.engine.nn.ConvLayer;
import org.stridelab.engine.nn.Dense;
import org.stridelab.engine.nn.GlobalAveragePool;
import org.stridelab.engine.nn.Layer;
import org.stridelab.engine.nn.PhcConv2d;
import org.stridelab.engine.nn.Parameter;

/**
 * ResNet-18 for 32x32 inputs: a 3x3 stem at stride 1 without max-pool, four
 * stages of two basic blocks (64, 128, 256, 512 filters times the width
 * multiplier), global average pooling and a dense layer to the classes.
 *
 * <p>Images enter as [N, C, H, W]; inside, every map is channels-last
 * ([N, H, W, C]), the layout in which oneDNN runs the convolutions fastest.
 *
 * <p>Where it downsamples (the stem and the first block of stages 2-4) it asks
 * a {@link DownsamplingSite}; the sites decide between strided convolution and
 * spectral pooling, so this class does not know which method it runs.
 */
public final class ResNet18 implements Layer {
    private final ModelConfig config;
    private final ConvLayer stem;
    private final DownsamplingSite stemSite;
    private final Layer stemPool;
    private final BatchNorm stemBn;
    private final List<BasicBlock> blocks = new ArrayList<>();
    private final GlobalAveragePool pool = new GlobalAveragePool();
    private final Dense classifier;
    private final List<NamedSite> sites = new ArrayList<>();
    private final List<Layer> children;
    private ActivationRecorder recorder;

    /** A downsampling site with the name the lab shows for it. */
    public record NamedSite(String name, DownsamplingSite site) {
    }

    public ResNet18(ModelConfig config) {
        this(config, SiteFactory.forConfig(config), ConvFactory.forConfig(config));
    }

    public ResNet18(ModelConfig config, SiteFactory siteFactory, ConvFactory convs) {
        this.config = config;
        int[] f = config.filters();
        long seed = config.seed() * 1000;
        // The stem reads RGB: in PHC networks it is hypercomplex only when 3 divides by n.
        this.stem = convs.create("stem.conv", 3, f[0], 3, 1, 1, seed);
        stem.dropInputGradient(); // its input is the images
        this.stemSite = siteFactory.stem("stem");
        this.stemPool = stemSite == null ? null : stemSite.poolAfterMainConv().orElse(null);
        if (stemSite != null) {
            sites.add(new NamedSite("stem", stemSite));
        }
        this.stemBn = new BatchNorm("stem.bn", f[0], true);
        int in = f[0];
        for (int stage = 0; stage < 4; stage++) {
            for (int b = 0; b < 2; b++) {
                String name = "stage" + (stage + 1) + ".block" + (b + 1);
                DownsamplingSite site = null;
                if (stage > 0 && b == 0) {
                    site = siteFactory.stage("stage" + (stage + 1), config.strides()[stage - 1]);
                    sites.add(new NamedSite("stage" + (stage + 1), site));
                }
                blocks.add(new BasicBlock(name, in, f[stage], site, convs, seed + 10L * blocks.size() + 10));
                in = f[stage];
            }
        }
        this.classifier = new Dense("fc", in, config.classes(), seed + 999);
        List<Layer> layers = new ArrayList<>(List.of(stem));
        if (stemPool != null) {
            layers.add(stemPool);
        }
        layers.add(stemBn);
        layers.addAll(blocks);
        layers.addAll(List.of(pool, classifier));
        this.children = List.copyOf(layers);
    }

    public ModelConfig config() {
        return config;
    }

    /** The downsampling sites in network order (the stem's only for spectral methods). */
    public List<NamedSite> sites() {
        return List.copyOf(sites);
    }

    /** Installs (or, with null, removes) a recorder of the maps around each downsampling site. */
    public void setActivationRecorder(ActivationRecorder recorder) {
        this.recorder = recorder;
        for (BasicBlock b : blocks) {
            b.setActivationRecorder(recorder);
        }
    }

    @Override
    public INDArray forward(INDArray images, boolean training) {
        // the data pipeline hands out [N, C, H, W]; every layer after this copy works channels-last
        INDArray h = stem.forward(images.permute(0, 2, 3, 1).dup('c'), training);
        if (stemPool != null) {
            if (recorder != null) {
                recorder.record("stem", "before", h);
            }
            h = stemPool.forward(h, training);
            if (recorder != null) {
                recorder.record("stem", "after", h);
            }
        }
        h = stemBn.forward(h, training); // with its ReLU folded in
        for (BasicBlock block : blocks) {
            h = block.forward(h, training);
        }
        return classifier.forward(pool.forward(h, training), training);
    }

    /** Adds every parameter's gradient; returns null, as the images need no gradient. */
    @Override
    public INDArray backward(INDArray gradLogits) {
        INDArray g = pool.backward(classifier.backward(gradLogits));
        for (int i = blocks.size() - 1; i >= 0; i--) {
            g = blocks.get(i).backward(g);
        }
        g = stemBn.backward(g);
        if (stemPool != null) {
            g = stemPool.backward(g);
        }
        stem.backward(g);
        return null;
    }

    /** Every layer of the network, in forward order; parameters and caches are gathered through them. */
    @Override
    public List<Layer> children() {
        return children; // made once: clearCache walks them after every step
    }

    /** The hypercomplex convolutions of a PHC network, in network order, by name. */
    public Map<String, PhcConv2d> phcLayers() {
        Map<String, PhcConv2d> out = new LinkedHashMap<>();
        for (PhcConv2d p : Layer.find(this, PhcConv2d.class)) {
            out.put(p.name(), p);
        }
        return out;
    }

    /** State that is not trained by gradients but must be saved: batch-norm running statistics. */
    public Map<String, INDArray> buffers() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (BatchNorm bn : Layer.find(this, BatchNorm.class)) {
            out.put(bn.name() + ".runningMean", bn.runningMean());
            out.put(bn.name() + ".runningVar", bn.runningVar());
        }
        return out;
    }

    /** Number of trainable values, strides included. */
    public long parameterCount() {
        return parameters().stream().mapToLong(Parameter::size).sum();
    }

    /** Convolution and dense multiply-adds per image of the given size, at the current strides. */
    public long multiplyAdds(int height, int width) {
        long total = stem.multiplyAdds(height, width);
        int[] size = stemSite == null ? new int[]{height, width} : stemSite.outputSize(height, width);
        for (BasicBlock block : blocks) {
            total += block.multiplyAdds(size[0], size[1]);
            size = block.outputSize(size[0], size[1]);
        }
        return total + (long) config.filters()[3] * config.classes();
    }
}
