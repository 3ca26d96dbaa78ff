package org.stridelab.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.stridelab.engine.io.Json;
import org.stridelab.engine.train.RunConfig;

/** The settings in which two run configurations differ, in words, for "this folder holds another run" messages. */
public final class RunConfigDifferences {
    private RunConfigDifferences() {
    }

    /** E.g. {@code "epochs 6 (now 8), width 0.25 (now 0.5)"}: the first's value, then the second's. */
    public static String between(RunConfig onDisk, RunConfig wanted) {
        JsonNode a = Json.mapper().valueToTree(onDisk);
        JsonNode b = Json.mapper().valueToTree(wanted);
        List<String> d = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode other = b.get(e.getKey());
            if (!e.getValue().equals(other)) {
                d.add(e.getKey() + " " + e.getValue() + " (now " + other + ")");
            }
        }
        return d.isEmpty() ? "other settings" : String.join(", ", d);
    }
}
