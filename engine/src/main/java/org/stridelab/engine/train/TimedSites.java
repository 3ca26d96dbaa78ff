package org.stridelab.engine.train;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.stridelab.engine.model.DownsamplingSite;
import org.stridelab.engine.spectral.DiffStride;
import org.stridelab.engine.spectral.PoolingState;
import org.stridelab.engine.model.SiteFactory;
import org.stridelab.engine.nn.Layer;
import org.stridelab.engine.nn.Parameter;

/**
 * Wraps a method's downsampling sites so that the time spent in their pooling
 * layers (forward and backward) is measured: how much of a training step the
 * spectral pooling costs, for the benchmark.
 */
final class TimedSites implements SiteFactory {
    private final SiteFactory inner;
    private final AtomicLong nanos = new AtomicLong();

    TimedSites(SiteFactory inner) {
        this.inner = inner;
    }

    long nanos() {
        return nanos.get();
    }

    void reset() {
        nanos.set(0);
    }

    @Override
    public DownsamplingSite stem(String name) {
        DownsamplingSite s = inner.stem(name);
        return s == null ? null : new Timed(s);
    }

    @Override
    public DownsamplingSite stage(String name, double stride) {
        return new Timed(inner.stage(name, stride));
    }

    private final class Timed implements DownsamplingSite {
        private final DownsamplingSite site;
        private final Optional<Layer> main;
        private final Optional<Layer> shortcut;

        Timed(DownsamplingSite site) {
            this.site = site;
            this.main = site.poolAfterMainConv().map(TimedLayer::new);
            this.shortcut = site.poolOnShortcut().map(TimedLayer::new);
        }

        @Override
        public int convStride() {
            return site.convStride();
        }

        @Override
        public Optional<Layer> poolAfterMainConv() {
            return main;
        }

        @Override
        public Optional<Layer> poolOnShortcut() {
            return shortcut;
        }

        @Override
        public List<Parameter> parameters() {
            return site.parameters();
        }

        @Override
        public Optional<DiffStride> learnedStrides() {
            return site.learnedStrides();
        }

        @Override
        public Optional<PoolingState> poolingState() {
            return site.poolingState();
        }

        @Override
        public int[] outputSize(int height, int width) {
            return site.outputSize(height, width);
        }
    }

    private final class TimedLayer implements Layer {
        private final Layer layer;

        TimedLayer(Layer layer) {
            this.layer = layer;
        }

        @Override
        public INDArray forward(INDArray input, boolean training) {
            long t = System.nanoTime();
            INDArray out = layer.forward(input, training);
            nanos.addAndGet(System.nanoTime() - t);
            return out;
        }

        @Override
        public INDArray backward(INDArray gradOutput) {
            long t = System.nanoTime();
            INDArray out = layer.backward(gradOutput);
            nanos.addAndGet(System.nanoTime() - t);
            return out;
        }

        @Override
        public List<Layer> children() {
            return List.of(layer);
        }
    }
}
