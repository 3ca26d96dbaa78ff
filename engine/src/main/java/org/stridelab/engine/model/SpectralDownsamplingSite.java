package org.stridelab.engine.model;

import java.util.List;
import java.util.Optional;
import org.stridelab.engine.spectral.PoolingState;
import org.stridelab.engine.nn.Layer;
import org.stridelab.engine.nn.Parameter;
import org.stridelab.engine.spectral.SpectralPool;
import org.stridelab.engine.spectral.SpectralPooling;
import org.stridelab.engine.spectral.DiffStride;

/**
 * A downsampling site of ResNet-18 that pools in the frequency domain: its
 * convolutions run at stride 1 and ONE pooling instance (fixed or DiffStride)
 * follows the block's first conv and precedes its 1x1 shortcut conv, as two
 * branches sharing the strides. The stem uses only the main branch.
 *
 * <p>The branches are the pooling's channels-last ones: the network's maps go
 * through as they are.
 */
public final class SpectralDownsamplingSite implements DownsamplingSite {
    private final String name;
    private final SpectralPool pool;
    private final DiffStride learned;
    private final Layer main;
    private final Layer shortcut;

    public SpectralDownsamplingSite(String name, SpectralPooling pool) {
        this(name, pool, null);
    }

    public SpectralDownsamplingSite(String name, DiffStride pool) {
        this(name, pool, pool);
    }

    private SpectralDownsamplingSite(String name, SpectralPool pool, DiffStride learned) {
        this.name = name;
        this.pool = pool;
        this.learned = learned;
        this.main = pool.newChannelsLastBranch();
        this.shortcut = pool.newChannelsLastBranch();
    }

    /** Fixed spectral pooling at real strides {@code >= 1}. */
    public static SpectralDownsamplingSite fixed(String name, double strideHeight, double strideWidth) {
        return new SpectralDownsamplingSite(name, new SpectralPooling(strideHeight, strideWidth));
    }

    /** DiffStride with the given options. */
    public static SpectralDownsamplingSite learned(String name, double strideHeight, double strideWidth,
                                                   DiffStride.Options options) {
        return new SpectralDownsamplingSite(name, new DiffStride(name, strideHeight, strideWidth, options));
    }

    public String name() {
        return name;
    }

    /** The pooling behind both branches. */
    public SpectralPool pool() {
        return pool;
    }

    @Override
    public Optional<DiffStride> learnedStrides() {
        return Optional.ofNullable(learned);
    }

    @Override
    public int convStride() {
        return 1;
    }

    @Override
    public Optional<Layer> poolAfterMainConv() {
        return Optional.of(main);
    }

    @Override
    public Optional<Layer> poolOnShortcut() {
        return Optional.of(shortcut);
    }

    @Override
    public List<Parameter> parameters() {
        return pool.parameters();
    }

    @Override
    public Optional<PoolingState> poolingState() {
        return Optional.of(pool.state(name));
    }

    @Override
    public int[] outputSize(int height, int width) {
        return pool.outputSize(height, width);
    }

    @Override
    public String toString() {
        return name + ": " + pool;
    }
}
