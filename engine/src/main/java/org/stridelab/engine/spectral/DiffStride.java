package org.stridelab.engine.spectral;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.stridelab.engine.nn.Layer;
import org.stridelab.engine.nn.Parameter;

/**
 * DiffStride (Riad et al., ICLR 2022): spectral pooling whose strides are
 * learned. A smooth box mask (linear ramp over R bins) makes the output depend
 * differentiably on the strides; the crop then keeps every bin the mask
 * touches. Numerics, clamps and gradients as in docs/numerics.md.
 *
 * <p>The strides are one {@link Parameter} ({@code [2]}, or {@code [1]} with a
 * shared stride), exempt from weight decay. Before every use they are clamped
 * to {@code max(S, size/(size-R), 1)} and to the optional user limits, and the
 * clamped value is written back, so a stride drifting below the minimum keeps
 * receiving gradient instead of sticking.
 */
public final class DiffStride implements SpectralPool {

    /**
     * Hyper-parameters of a DiffStride layer.
     *
     * @param smoothness             R, the ramp width in bins ({@code >= 0}; 0 is a hard box with no stride gradient)
     * @param sharedStride           one stride for both axes
     * @param learningRateMultiplier scales the base learning rate for the strides ({@code >= 0})
     * @param limits                 the range the strides are kept in
     */
    public record Options(double smoothness, boolean sharedStride, double learningRateMultiplier,
                          StrideLimits limits) {
        public Options {
            SpectralGeometry.checkSmoothness(smoothness);
            if (!(learningRateMultiplier >= 0) || Double.isInfinite(learningRateMultiplier)) {
                throw new IllegalArgumentException("stride learning-rate multiplier must be a finite number >= 0, got "
                    + learningRateMultiplier);
            }
            if (limits == null) {
                throw new IllegalArgumentException("stride limits are missing: use StrideLimits.NONE for none");
            }
        }

        /** R = 4, separate strides, learning-rate multiplier 1, no limits. */
        public static Options defaults() {
            return new Options(SpectralGeometry.DEFAULT_SMOOTHNESS, false, 1.0, StrideLimits.NONE);
        }

        public Options withSmoothness(double r) {
            return new Options(r, sharedStride, learningRateMultiplier, limits);
        }

        public Options withSharedStride(boolean shared) {
            return new Options(smoothness, shared, learningRateMultiplier, limits);
        }

        public Options withLearningRateMultiplier(double multiplier) {
            return new Options(smoothness, sharedStride, multiplier, limits);
        }

        public Options withLimits(StrideLimits newLimits) {
            return new Options(smoothness, sharedStride, learningRateMultiplier, newLimits);
        }
    }

    private final String name;
    /** Changed only between steps, on the training thread (live changes of R or the stride learning rate). */
    private volatile Options options;
    /** Branches made so far: the first lists the parameters (see {@link SpectralBranch}). */
    private int branches;
    private final Parameter stride;
    private final SpectralOperator.Strategy strategy;
    private final OperatorCache cache = new OperatorCache(4);
    private final BranchBackend backend = new Backend();
    private volatile PoolingSnapshot last = PoolingSnapshot.NONE;

    /** DiffStride with the default options (R = 4, separate strides). */
    public DiffStride(String name, double strideHeight, double strideWidth) {
        this(name, strideHeight, strideWidth, Options.defaults());
    }

    public DiffStride(String name, double strideHeight, double strideWidth, Options options) {
        this(name, strideHeight, strideWidth, options, SpectralOperator.Strategy.AUTO);
    }

    /** With a forced multiplication strategy (tests compare both). */
    DiffStride(String name, double strideHeight, double strideWidth, Options options,
               SpectralOperator.Strategy strategy) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a DiffStride layer needs a name");
        }
        SpectralGeometry.checkStride("DiffStride initial stride height", strideHeight);
        SpectralGeometry.checkStride("DiffStride initial stride width", strideWidth);
        if (options.sharedStride() && strideHeight != strideWidth) {
            throw new IllegalArgumentException("a shared DiffStride stride needs equal initial strides, got ("
                + strideHeight + ", " + strideWidth + ")");
        }
        this.name = name;
        this.options = options;
        this.strategy = strategy;
        int n = options.sharedStride() ? 1 : 2;
        // strides persist across steps: keep them out of any workspace
        INDArray value = Nd4j.createUninitializedDetached(Nd4j.defaultFloatingPointType(), n);
        value.putScalar(0, limit(strideHeight));
        if (n == 2) {
            value.putScalar(1, limit(strideWidth));
        }
        this.stride = new Parameter(name + ".stride", value, false, options.learningRateMultiplier());
    }

    public String name() {
        return name;
    }

    public Options options() {
        return options;
    }

    public double smoothness() {
        return options.smoothness();
    }

    /**
     * Changes R from the next forward on (a live change between steps). Operators
     * are cached by R too, so none made for the old ramp is reused.
     */
    public void smoothness(double r) {
        options = options.withSmoothness(r);
    }

    /**
     * Changes the strides' learning-rate multiplier (a live change between steps);
     * the optimiser must then be regrouped.
     */
    public void learningRateMultiplier(double multiplier) {
        options = options.withLearningRateMultiplier(multiplier);
        stride.learningRateMultiplier(multiplier);
    }

    public boolean sharedStride() {
        return options.sharedStride();
    }

    /** The stride parameter ({@code [2]} = (Sh, Sw), or {@code [1]} when shared). */
    public Parameter strideParameter() {
        return stride;
    }

    @Override
    public double[] strides() {
        INDArray v = stride.value();
        double sh = v.getDouble(0);
        return new double[] {sh, options.sharedStride() ? sh : v.getDouble(1)};
    }

    /** The strides a forward on a map of this size would use (clamped and limited), without writing them back. */
    public double[] effectiveStrides(int height, int width) {
        double[] s = strides();
        double minH = SpectralGeometry.minimumStride(height, options.smoothness());
        double minW = SpectralGeometry.minimumStride(width, options.smoothness());
        if (options.sharedStride()) {
            double v = limit(Math.max(s[0], Math.max(minH, minW)));
            return new double[] {v, v};
        }
        return new double[] {limit(Math.max(s[0], minH)), limit(Math.max(s[1], minW))};
    }

    @Override
    public Layer newBranch() {
        return new SpectralBranch(backend, branches++ == 0, false);
    }

    @Override
    public Layer newChannelsLastBranch() {
        return new SpectralBranch(backend, branches++ == 0, true);
    }

    @Override
    public int[] outputSize(int height, int width) {
        double[] s = effectiveStrides(height, width);
        return SpectralGeometry.diffStrideOutputSize(height, width, s[0], s[1], options.smoothness());
    }

    @Override
    public PoolingState state(String stateName) {
        double[] s = strides();
        return last.toState(stateName, s[0], s[1]);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(stride);
    }

    /**
     * Adds dL/dSh and dL/dSw into the stride gradient (both into the single
     * entry when shared: the two axes' contributions add up).
     */
    void addStrideGradient(double gradHeight, double gradWidth) {
        INDArray g = stride.grad();
        synchronized (this) {
            if (options.sharedStride()) {
                g.putScalar(0, g.getDouble(0) + gradHeight + gradWidth);
            } else {
                g.putScalar(0, g.getDouble(0) + gradHeight);
                g.putScalar(1, g.getDouble(1) + gradWidth);
            }
        }
    }

    /** Number of operators currently cached (tests check that steps at the same strides reuse them). */
    int cachedOperators() {
        return cache.size();
    }

    private double limit(double s) {
        return options.limits().clamp(s);
    }

    @Override
    public String toString() {
        double[] s = strides();
        return "DiffStride(" + name + ", " + s[0] + ", " + s[1] + ", R=" + options.smoothness()
            + (options.sharedStride() ? ", shared" : "") + ")";
    }

    private final class Backend implements BranchBackend {
        @Override
        public SpectralOperator operatorFor(int height, int width, DataType dataType) {
            double[] s;
            synchronized (DiffStride.this) {
                s = effectiveStrides(height, width);
                INDArray v = stride.value();
                if (v.getDouble(0) != s[0]) {
                    v.putScalar(0, s[0]);
                }
                if (!options.sharedStride() && v.getDouble(1) != s[1]) {
                    v.putScalar(1, s[1]);
                }
            }
            double r = options.smoothness();
            AxisCrop rows = SpectralGeometry.diffStrideRows(height, s[0], r);
            AxisCrop columns = SpectralGeometry.diffStrideColumns(width, s[1], r);
            last = PoolingSnapshot.of(rows, columns);
            OperatorCache.Key key = new OperatorCache.Key(height, width, s[0], s[1], r, dataType);
            return cache.get(key, () -> SpectralOperator.create(rows, columns, dataType, strategy));
        }

        @Override
        public boolean learnsStrides() {
            return true;
        }

        @Override
        public void addStrideGradient(double gradHeight, double gradWidth) {
            DiffStride.this.addStrideGradient(gradHeight, gradWidth);
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(stride);
        }
    }
}
