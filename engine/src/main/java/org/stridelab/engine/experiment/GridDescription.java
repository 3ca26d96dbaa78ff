package org.stridelab.engine.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.stridelab.engine.model.DownsamplingMethod;
import org.stridelab.engine.io.Json;

/** A grid definition in words ({@code grid describe}): axes, every setting per method, and the cells. */
public final class GridDescription {
    private GridDescription() {
    }

    public static String describe(GridSpec spec) {
        StringBuilder b = new StringBuilder();
        b.append("grid ").append(spec.name()).append('\n');
        if (spec.description() != null && !spec.description().isBlank()) {
            b.append("  ").append(spec.description().strip()).append('\n');
        }
        List<String> problems = spec.problems();
        if (!problems.isEmpty()) {
            b.append("  INVALID:\n");
            problems.forEach(p -> b.append("    ").append(p).append('\n'));
            return b.toString();
        }
        List<GridCell> cells = spec.cells();
        b.append("\naxes (").append(cells.size()).append(" cells)\n");
        b.append("  methods          ").append(String.join(", ", spec.methods())).append('\n');
        b.append("  stride inits     ").append(String.join(", ",
                spec.strideArrays().stream().map(GridCell::strideLabel).toList())).append('\n');
        b.append("  batch sizes      ").append(spec.batchSizes()).append('\n');
        b.append("  mixup alphas     ").append(spec.mixupAlphas()).append("  (0 = off)\n");
        b.append("  PHC orders       ").append(spec.phcOrders()).append("  (0 = ordinary convolutions)\n");
        b.append("  seeds            ").append(spec.seeds()).append('\n');
        b.append("\nprotocol (every method)\n");
        settings(b, Json.mapper().valueToTree(spec.protocol()), null);
        for (String m : spec.methods()) {
            DownsamplingMethod method = DownsamplingMethod.parse(m);
            Map<String, Object> o = spec.methodOverrides().get(method.cliName());
            if (o != null && !o.isEmpty()) {
                b.append("\n").append(method.cliName()).append(" differs in\n");
                settings(b, Json.mapper().valueToTree(spec.protocolFor(method)), o.keySet());
            }
        }
        ProbeSettings p = spec.probe();
        b.append("\nshift probe: ").append(p.enabled() ? p.mode().cliName() + " shifts of 1.." + p.maxShift()
                + " px (right, left, down, up) on " + (p.images() == 0 ? "all" : "the first " + p.images())
                + " test images" : "off").append('\n');
        b.append("\ncells, in run order (shard i/k runs cells i, i+k, i+2k, ...)\n");
        for (int i = 0; i < cells.size(); i++) {
            b.append(String.format("  %3d  %s%n", i + 1, cells.get(i).name()));
        }
        return b.toString();
    }

    private static void settings(StringBuilder b, JsonNode node, java.util.Set<String> only) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (only == null || only.contains(e.getKey())) {
                b.append(String.format("  %-22s %s%n", e.getKey(), e.getValue().isTextual()
                        ? e.getValue().asText() : e.getValue().toString()));
            }
        }
    }
}
