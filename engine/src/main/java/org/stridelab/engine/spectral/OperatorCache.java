package org.stridelab.engine.spectral;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The last few operators of one pooling, keyed by input size, strides, ramp
 * width R (DiffStride's can change while a run trains) and type.
 *
 * <p>Both branches of a site ask for the same key in one step, and fixed or
 * frozen strides ask for it every step: they hit. DiffStride's strides change
 * every step, so old entries must fall out: a tiny LRU, not a growing map
 * (rebuilding a ~32x32 operator costs well under a millisecond). Evicted
 * operators are closed at once: the eldest entry is several steps old (both
 * branches of a step share one key), so no pending backward still uses it.
 */
final class OperatorCache {

    record Key(int height, int width, double strideHeight, double strideWidth, double smoothness, DataType dataType) {
    }

    private final Map<Key, SpectralOperator> entries;

    OperatorCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, SpectralOperator> eldest) {
                if (size() > capacity) {
                    eldest.getValue().close();
                    return true;
                }
                return false;
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
