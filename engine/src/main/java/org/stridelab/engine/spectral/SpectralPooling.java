package org.stridelab.engine.spectral;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.stridelab.engine.nn.Layer;
import org.stridelab.engine.nn.Parameter;

/**
 * Fixed spectral pooling (Rippel et al. 2015) at real strides {@code (sh, sw) >= 1}:
 * keep the lowest {@code h x (w/2+1)} frequencies of the rfft grid and invert at
 * size {@code h x w} with the mean-preserving scale (docs/numerics.md).
 * No parameters; at (1, 1) on an even-sized map it is exactly the identity.
 */
public final class SpectralPooling implements SpectralPool {
    private final double strideHeight;
    private final double strideWidth;
    private final SpectralOperator.Strategy strategy;
    private final OperatorCache cache = new OperatorCache(4);
    private final BranchBackend backend = new Backend();
    /** Branches made so far: the first lists the parameters (see {@link SpectralBranch}). */
    private int branches;
    private volatile PoolingSnapshot last = PoolingSnapshot.NONE;

    public SpectralPooling(double strideHeight, double strideWidth) {
        this(strideHeight, strideWidth, SpectralOperator.Strategy.AUTO);
    }

    /** With a forced multiplication strategy (tests compare both). */
    SpectralPooling(double strideHeight, double strideWidth, SpectralOperator.Strategy strategy) {
        SpectralGeometry.checkStride("spectral pooling stride height", strideHeight);
        SpectralGeometry.checkStride("spectral pooling stride width", strideWidth);
        this.strideHeight = strideHeight;
        this.strideWidth = strideWidth;
        this.strategy = strategy;
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
    public double[] strides() {
        return new double[] {strideHeight, strideWidth};
    }

    @Override
    public int[] outputSize(int height, int width) {
        return SpectralGeometry.fixedOutputSize(height, width, strideHeight, strideWidth);
    }

    @Override
    public PoolingState state(String name) {
        return last.toState(name, strideHeight, strideWidth);
    }

    @Override
    public String toString() {
        return "SpectralPooling(" + strideHeight + ", " + strideWidth + ")";
    }

    private final class Backend implements BranchBackend {
        @Override
        public SpectralOperator operatorFor(int height, int width, DataType dataType) {
            AxisCrop rows = SpectralGeometry.fixedRows(height, strideHeight);
            AxisCrop columns = SpectralGeometry.fixedColumns(width, strideWidth);
            last = PoolingSnapshot.of(rows, columns);
            OperatorCache.Key key = new OperatorCache.Key(height, width, strideHeight, strideWidth, 0, dataType);
            return cache.get(key, () -> SpectralOperator.create(rows, columns, dataType, strategy));
        }

        @Override
        public boolean learnsStrides() {
            return false;
        }

        @Override
        public void addStrideGradient(double gradHeight, double gradWidth) {
            throw new UnsupportedOperationException("fixed spectral pooling has no stride parameter");
        }

        @Override
        public List<Parameter> parameters() {
            return List.of();
        }
    }
}
