package org.stridelab.engine.spectral;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The last few operators of one pooling, keyed by input size, strides and type.
 *
 * <p>Both branches of a site ask for the same key in one step, and fixed or
 * frozen strides ask for it every step: they hit. DiffStride's strides change
 * every step, so old entries must fall out: a tiny LRU, not a growing map
 * (rebuilding a ~32x32 operator costs well under a millisecond). Evicted
 * matrices are left to the garbage collector rather than closed, because a
 * branch may still hold its operator for a pending backward.
 */
final class OperatorCache {

    record Key(int height, int width, double strideHeight, double strideWidth, DataType dataType) {
    }

    private final Map<Key, SpectralOperator> entries;

    OperatorCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, SpectralOperator> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized SpectralOperator get(Key key, Supplier<SpectralOperator> build) {
        SpectralOperator op = entries.get(key);
        if (op == null) {
            op = build.get();
            entries.put(key, op);
        }
        return op;
    }

    synchronized int size() {
        return entries.size();
    }
}
