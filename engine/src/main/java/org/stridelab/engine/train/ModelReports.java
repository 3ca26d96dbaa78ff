package org.stridelab.engine.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stridelab.engine.model.ResNet18;
import org.stridelab.engine.spectral.PoolingState;
import org.stridelab.engine.train.events.AlgebraEvent;
import org.stridelab.engine.train.events.StridesEvent;

/**
 * What the trainer reads off the live network for its events and health
 * checks: the spectral sites' states, the PHC algebras, whether weights and
 * learned strides are still finite. Copies only, safe to hand to other threads.
 */
final class ModelReports {
    private ModelReports() {
    }

    /** The spectral sites' strides, sizes and masks, with the network's cost; empty without spectral sites. */
    static Optional<StridesEvent> strides(String runId, long step, ResNet18 model) {
        List<PoolingState> layers = new ArrayList<>();
        for (ResNet18.NamedSite s : model.sites()) {
            s.site().poolingState().ifPresent(layers::add);
        }
        return layers.isEmpty() ? Optional.empty()
                : Optional.of(new StridesEvent(runId, step, List.copyOf(layers), model.multiplyAdds(32, 32)));
    }

    /** Each PHC layer's algebra matrices; empty for ordinary convolutions. */
    static Optional<AlgebraEvent> algebras(String runId, long step, ResNet18 model) {
        var phc = model.phcLayers();
        if (phc.isEmpty()) {
            return Optional.empty();
        }
        List<AlgebraEvent.Layer> layers = new ArrayList<>();
        phc.forEach((name, layer) -> layers.add(new AlgebraEvent.Layer(name, layer.algebraCopy())));
        return Optional.of(new AlgebraEvent(runId, step, List.copyOf(layers)));
    }

    /** Site name to [Sh, Sw] for every spectral site. */
    static Map<String, double[]> finalStrides(ResNet18 model) {
        Map<String, double[]> strides = new LinkedHashMap<>();
        for (ResNet18.NamedSite s : model.sites()) {
            s.site().poolingState().ifPresent(p -> strides.put(s.name(),
                    new double[]{p.strideHeight(), p.strideWidth()}));
        }
        return strides;
    }

    /** False once an update made a learned stride NaN or infinite (cheap: reads the sites' states). */
    static boolean stridesFinite(ResNet18 model) {
        for (ResNet18.NamedSite s : model.sites()) {
            var pooling = s.site().poolingState();
            if (pooling.isPresent() && !(Double.isFinite(pooling.get().strideHeight())
                    && Double.isFinite(pooling.get().strideWidth()))) {
                return false;
            }
        }
        return true;
    }

    /** False once any weight is NaN or infinite (one reduction per parameter). */
    static boolean parametersFinite(ResNet18 model) {
        for (var p : model.parameters()) {
            if (!Double.isFinite(p.value().sumNumber().doubleValue())) {
                return false;
            }
        }
        return true;
    }
}
