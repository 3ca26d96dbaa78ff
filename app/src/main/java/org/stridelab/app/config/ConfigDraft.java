package org.stridelab.app.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stridelab.engine.data.DataSourceResolver;
import org.stridelab.engine.model.DownsamplingMethod;
import org.stridelab.engine.train.RunConfig;
import org.stridelab.engine.train.Optimizer;
import org.stridelab.engine.train.ConfigProblem;

/**
 * The form's text turned into a {@link RunConfig}, with every problem attached
 * to its field. Only the parsing is the form's (text that is not a number); the
 * rules about values are the engine's {@code RunConfig.checks()}, so the app
 * and the command line accept exactly the same configurations.
 */
public final class ConfigDraft {

    /**
     * @param config   the configuration, or null if some text could not be parsed
     * @param problems per field, the reasons it is wrong (empty when the config can run)
     * @param general  problems that belong to no field
     */
    public record Result(RunConfig config, Map<ConfigField, List<String>> problems, List<String> general) {
        public boolean valid() {
            return config != null && problems.isEmpty() && general.isEmpty();
        }

        /** Every problem as one list, field problems first. */
        public List<String> all() {
            List<String> out = new ArrayList<>();
            problems.values().forEach(out::addAll);
            out.addAll(general);
            return out;
        }
    }

    private ConfigDraft() {
    }

    /**
     * @param text   the text of each field (missing fields take the lab's defaults);
     *               STRIDES is three numbers separated by commas, PHC the order (0 = off)
     * @param method the chosen method (null if none)
     * @param optimizer the chosen optimiser
     */
    public static Result parse(Map<ConfigField, String> text, DownsamplingMethod method, Optimizer.Kind optimizer) {
        RunConfig d = RunConfig.defaults();
        Map<ConfigField, List<String>> problems = new EnumMap<>(ConfigField.class);
        Numbers n = new Numbers(text, problems);
        double[] strides = n.strides(d.strides());
        double width = n.decimal(ConfigField.WIDTH, "width", d.width());
        int phc = n.whole(ConfigField.PHC, "phc", d.phc());
        double smoothness = n.decimal(ConfigField.SMOOTHNESS, "smoothness R", d.smoothness());
        int batch = n.whole(ConfigField.BATCH, "batch size", d.batchSize());
        int epochs = n.whole(ConfigField.EPOCHS, "epochs", d.epochs());
        double lr = n.decimal(ConfigField.LEARNING_RATE, "learning rate", d.learningRate());
        double mixup = n.decimal(ConfigField.MIXUP, "mixup alpha", d.mixupAlpha());
        long seed = n.longValue(ConfigField.SEED, "seed", d.seed());
        int trainLimit = n.whole(ConfigField.TRAIN_LIMIT, "train limit", d.trainLimit());
        String data = text.getOrDefault(ConfigField.DATA, d.data()).strip();
        boolean parsed = problems.isEmpty();
        RunConfig config = RunConfig.builder().method(method).strides(strides).width(width).smoothness(smoothness)
                .phc(phc).batchSize(batch).epochs(epochs).optimizer(optimizer).learningRate(lr).mixupAlpha(mixup)
                .data(data).trainLimit(trainLimit).seed(seed).build();
        List<String> general = new ArrayList<>();
        for (ConfigProblem p : config.checks()) {
            ConfigField f = ConfigField.about(p);
            if (f == null) {
                general.add(p.message());
            } else if (!problems.containsKey(f)) { // a parse error already explains this field
                problems.computeIfAbsent(f, k -> new ArrayList<>()).add(p.message());
            }
        }
        String support = MethodSupport.problem(method);
        if (support != null && !support.isEmpty()) {
            problems.computeIfAbsent(ConfigField.METHOD, k -> new ArrayList<>()).add(support);
        }
        String dataProblem = dataProblem(data);
        if (dataProblem != null && !problems.containsKey(ConfigField.DATA)) {
            problems.computeIfAbsent(ConfigField.DATA, k -> new ArrayList<>()).add(dataProblem);
        }
        return new Result(parsed ? config : null, ordered(problems), general);
    }

    /** A path that does not exist is caught now rather than after pressing Start (the resolver says the same). */
    private static String dataProblem(String data) {
        String key = data.toLowerCase(Locale.ROOT);
        if (data.isEmpty() || key.equals(DataSourceResolver.GENERATED) || key.equals(DataSourceResolver.CIFAR10)
                || key.equals("cifar-10")) {
            return null;
        }
        try {
            if (!Files.exists(Path.of(data))) {
                return "data: no such folder or archive: " + data + " (use generated, cifar10 or an existing path)";
            }
        } catch (InvalidPathException e) {
            return "data: '" + data + "' is not a valid path";
        }
        return null;
    }

    private static Map<ConfigField, List<String>> ordered(Map<ConfigField, List<String>> problems) {
        Map<ConfigField, List<String>> out = new LinkedHashMap<>();
        for (ConfigField f : ConfigField.values()) {
            if (problems.containsKey(f)) {
                out.put(f, List.copyOf(problems.get(f)));
            }
        }
        return out;
    }

    /** Parses numbers, recording text that is not one under its field. */
    private record Numbers(Map<ConfigField, String> text, Map<ConfigField, List<String>> problems) {

        double decimal(ConfigField f, String name, double fallback) {
            String t = text.get(f);
            if (t == null) {
                return fallback;
            }
            try {
                return Double.parseDouble(t.strip());
            } catch (NumberFormatException e) {
                fail(f, name + ": '" + t.strip() + "' is not a number");
                return fallback;
            }
        }

        int whole(ConfigField f, String name, int fallback) {
            String t = text.get(f);
            if (t == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(t.strip());
            } catch (NumberFormatException e) {
                fail(f, name + ": '" + t.strip() + "' is not a whole number");
                return fallback;
            }
        }

        long longValue(ConfigField f, String name, long fallback) {
            String t = text.get(f);
            if (t == null) {
                return fallback;
            }
            try {
                return Long.parseLong(t.strip());
            } catch (NumberFormatException e) {
                fail(f, name + ": '" + t.strip() + "' is not a whole number");
                return fallback;
            }
        }

        double[] strides(double[] fallback) {
            String t = text.get(ConfigField.STRIDES);
            if (t == null) {
                return fallback;
            }
            String[] parts = t.split(",", -1);
            if (parts.length != 3) {
                fail(ConfigField.STRIDES, "strides: give three stage strides, e.g. 2,2,2");
                return fallback;
            }
            double[] s = new double[3];
            for (int i = 0; i < 3; i++) {
                try {
                    s[i] = Double.parseDouble(parts[i].strip());
                } catch (NumberFormatException e) {
                    fail(ConfigField.STRIDES, "strides: stage " + (i + 2) + " stride '" + parts[i].strip()
                            + "' is not a number");
                    return fallback;
                }
            }
            return s;
        }

        private void fail(ConfigField f, String message) {
            problems.computeIfAbsent(f, k -> new ArrayList<>()).add(message);
        }
    }
}
