package org.stridelab.engine.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stridelab.engine.model.DownsamplingMethod;
import org.stridelab.engine.io.Json;
import org.stridelab.engine.config.RunConfig;

/**
 * An experiment grid, saved as the grid folder's {@code grid.json}: every
 * combination of the axes (methods x stride initialisations x batch sizes x
 * mixup alphas x PHC orders x seeds) is one run, trained with the shared
 * {@link #protocol()} plus the {@link #methodOverrides()} of its method.
 *
 * @param name            a label for reports
 * @param description     free text for reports and {@code grid describe}
 * @param methods         strided, spectral, diffstride (table columns, in this order)
 * @param strideInits     initial strides of stages 2-4 (table rows, in this order)
 * @param batchSizes      batch sizes; each value gets its own table
 * @param mixupAlphas     mixup alphas, 0 = off; each value gets its own table
 * @param phcOrders       PHC orders, 0 = ordinary convolutions; each value gets its own table
 * @param seeds           one run per seed: the table shows mean ± standard deviation over them
 * @param protocol        the training settings all cells share
 * @param methodOverrides per method name, settings of the protocol that differ for it (e.g. epochs)
 * @param probe           the shift-consistency probe run after each cell
 */
public record GridSpec(String name, String description, List<String> methods, List<List<Double>> strideInits,
                       List<Integer> batchSizes, List<Double> mixupAlphas, List<Integer> phcOrders, List<Long> seeds,
                       TrainingProtocol protocol, Map<String, Map<String, Object>> methodOverrides,
                       ProbeSettings probe) {

    public GridSpec {
        methods = copy(methods);
        strideInits = strideInits == null ? List.of()
                : Collections.unmodifiableList(strideInits.stream().map(GridSpec::copy).toList());
        batchSizes = copy(batchSizes);
        mixupAlphas = copy(mixupAlphas);
        phcOrders = copy(phcOrders);
        seeds = copy(seeds);
        Map<String, Map<String, Object>> o = new LinkedHashMap<>();
        if (methodOverrides != null) {
            methodOverrides.forEach((k, v) -> o.put(k, v == null ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        }
        methodOverrides = Collections.unmodifiableMap(o);
    }

    /** Unmodifiable, order kept, nulls kept (so that {@link #problems()} can name them). */
    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /**
     * The grid a definition file starts from: the three methods at the usual
     * (2, 2, 2) with the {@code train} command's defaults. A grid.json needs
     * to give only what differs.
     */
    public static GridSpec defaults() {
        return new GridSpec("grid", "", List.of("strided", "spectral", "diffstride"), List.of(List.of(2.0, 2.0, 2.0)),
                List.of(RunConfig.defaults().data().batchSize()), List.of(0.0), List.of(0), List.of(1L),
                TrainingProtocol.defaults(), Map.of(), ProbeSettings.defaults());
    }

    /** Every problem with this definition, in words (each cell's {@link RunConfig#problems()} included). */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (protocol == null) {
            p.add("protocol is missing");
        }
        if (probe == null) {
            p.add("probe is missing");
        } else {
            p.addAll(probe.problems());
        }
        if (methods.isEmpty()) {
            p.add("methods: give at least one of strided, spectral, diffstride");
        }
        for (String m : methods) {
            try {
                DownsamplingMethod.parse(String.valueOf(m));
            } catch (IllegalArgumentException e) {
                p.add("methods: " + e.getMessage());
            }
        }
        if (strideInits.isEmpty()) {
            p.add("strideInits: give at least one, e.g. [[2, 2, 2], [3, 2, 3]]");
        }
        for (List<Double> s : strideInits) {
            if (s.size() != 3 || s.contains(null)) {
                p.add("strideInits: each initialisation is three stage strides, e.g. [2, 2, 2]; got " + s);
            }
        }
        axis(p, "batchSizes", batchSizes);
        axis(p, "mixupAlphas", mixupAlphas);
        axis(p, "phcOrders", phcOrders);
        axis(p, "seeds", seeds);
        methodOverrides.forEach((method, settings) -> {
            try {
                DownsamplingMethod.parse(method);
            } catch (IllegalArgumentException e) {
                p.add("methodOverrides: " + e.getMessage());
            }
            for (String key : settings.keySet()) {
                if (!TrainingProtocol.FIELDS.contains(key)) {
                    p.add("methodOverrides." + method + ": unknown setting '" + key + "' (settings: "
                            + String.join(", ", TrainingProtocol.FIELDS) + ")");
                }
            }
        });
        if (!p.isEmpty()) {
            return p; // the cells cannot be enumerated yet
        }
        Set<String> seen = new HashSet<>();
        Set<String> cellProblems = new LinkedHashSet<>();
        for (GridCell cell : cells()) {
            if (!seen.add(cell.name())) {
                p.add("the axes repeat a value: cell " + cell.name() + " appears twice");
                continue;
            }
            try {
                for (String problem : configFor(cell).problems()) {
                    cellProblems.add(cell.name() + ": " + problem);
                }
            } catch (IllegalArgumentException e) {
                cellProblems.add(cell.name() + ": " + e.getMessage());
            }
        }
        p.addAll(cellProblems);
        return p;
    }

    private static void axis(List<String> p, String name, List<?> values) {
        if (values.isEmpty() || values.contains(null)) {
            p.add(name + ": give at least one value (and no nulls), got " + values);
        }
    }

    /** Throws {@link IllegalArgumentException} listing every problem, if any. */
    public GridSpec validated() {
        List<String> p = problems();
        if (!p.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", p));
        }
        return this;
    }

    /**
     * Every cell, in the order they run: seeds outermost (so the whole table of
     * the first seed is finished before any repeat), then batch, mixup, PHC,
     * method and stride initialisation.
     */
    public List<GridCell> cells() {
        List<GridCell> cells = new ArrayList<>();
        for (long seed : seeds) {
            for (int batch : batchSizes) {
                for (double mixup : mixupAlphas) {
                    for (int phc : phcOrders) {
                        for (String m : methods) {
                            DownsamplingMethod method = DownsamplingMethod.parse(m);
                            for (List<Double> s : strideInits) {
                                double[] strides = s.stream().mapToDouble(Double::doubleValue).toArray();
                                cells.add(new GridCell(method, strides, batch, mixup, phc, seed));
                            }
                        }
                    }
                }
            }
        }
        return cells;
    }

    /** The run configuration of a cell: the protocol with its method's overrides, at the cell's coordinates. */
    public RunConfig configFor(GridCell cell) {
        return protocolFor(cell.method()).toRunConfig(cell.name(), cell.method(), cell.strides(), cell.batchSize(),
                cell.mixupAlpha(), cell.phc(), cell.seed());
    }

    /** The protocol with the overrides of one method applied. */
    public TrainingProtocol protocolFor(DownsamplingMethod method) {
        Map<String, Object> overrides = methodOverrides.get(method.cliName());
        if (overrides == null || overrides.isEmpty()) {
            return protocol;
        }
        ObjectNode node = Json.mapper().valueToTree(protocol);
        overrides.forEach((key, value) -> {
            if (!TrainingProtocol.FIELDS.contains(key)) {
                throw new IllegalArgumentException("methodOverrides." + method.cliName() + ": unknown setting '"
                        + key + "'");
            }
            node.set(key, Json.mapper().valueToTree(value));
        });
        try {
            return TrainingProtocol.fromJson(node);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("methodOverrides." + method.cliName() + ": " + e.getMessage(), e);
        }
    }

    /** The stride initialisations as arrays, in table order. */
    public List<double[]> strideArrays() {
        return strideInits.stream().map(s -> s.stream().mapToDouble(Double::doubleValue).toArray()).toList();
    }

    /** The table variants (batch x mixup x PHC), in table order. */
    public List<GridCell.Variant> variants() {
        List<GridCell.Variant> v = new ArrayList<>();
        for (int batch : batchSizes) {
            for (double mixup : mixupAlphas) {
                for (int phc : phcOrders) {
                    v.add(new GridCell.Variant(batch, mixup, phc));
                }
            }
        }
        return v;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes a spec field by field (the command line's flags, tests). */
    public static final class Builder {
        private String name;
        private String description;
        private List<String> methods;
        private List<List<Double>> strideInits;
        private List<Integer> batchSizes;
        private List<Double> mixupAlphas;
        private List<Integer> phcOrders;
        private List<Long> seeds;
        private ObjectNode protocol;
        private final Map<String, Map<String, Object>> overrides = new LinkedHashMap<>();
        private ProbeSettings probe;

        private Builder(GridSpec s) {
            name = s.name;
            description = s.description;
            methods = s.methods;
            strideInits = s.strideInits;
            batchSizes = s.batchSizes;
            mixupAlphas = s.mixupAlphas;
            phcOrders = s.phcOrders;
            seeds = s.seeds;
            protocol = Json.mapper().valueToTree(s.protocol);
            s.methodOverrides.forEach((k, v) -> overrides.put(k, new LinkedHashMap<>(v)));
            probe = s.probe;
        }

        public Builder name(String v) { name = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder methods(List<String> v) { methods = v; return this; }
        public Builder strideInits(List<List<Double>> v) { strideInits = v; return this; }
        public Builder batchSizes(List<Integer> v) { batchSizes = v; return this; }
        public Builder mixupAlphas(List<Double> v) { mixupAlphas = v; return this; }
        public Builder phcOrders(List<Integer> v) { phcOrders = v; return this; }
        public Builder seeds(List<Long> v) { seeds = v; return this; }
        public Builder probe(ProbeSettings v) { probe = v; return this; }

        public Builder protocol(TrainingProtocol p) {
            protocol = Json.mapper().valueToTree(p);
            return this;
        }

        /**
         * Sets one protocol setting for every method: a per-method override of
         * the same setting is dropped, so that {@code --epochs 3} means 3 for all.
         */
        public Builder set(String field, Object value) {
            if (!TrainingProtocol.FIELDS.contains(field)) {
                throw new IllegalArgumentException("unknown setting '" + field + "' (settings: "
                        + String.join(", ", TrainingProtocol.FIELDS) + ")");
            }
            protocol.set(field, Json.mapper().valueToTree(value));
            overrides.values().forEach(o -> o.remove(field));
            overrides.values().removeIf(Map::isEmpty);
            return this;
        }

        /** Sets one protocol setting for one method only. */
        public Builder override(String method, String field, Object value) {
            overrides.computeIfAbsent(method, k -> new LinkedHashMap<>()).put(field, value);
            return this;
        }

        public GridSpec build() {
            TrainingProtocol p;
            try {
                p = TrainingProtocol.fromJson(protocol);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("protocol: " + e.getMessage(), e);
            }
            return new GridSpec(name, description, methods, strideInits, batchSizes, mixupAlphas, phcOrders, seeds,
                    p, overrides, probe);
        }
    }
}
