package org.stridelab.engine.experiment;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.stridelab.engine.io.Json;

/**
 * Reads and writes grid definitions.
 *
 * <p>A definition a user writes may be small: every field it leaves out takes
 * its value from {@link GridSpec#defaults()} (inside {@code protocol} and
 * {@code probe} too, field by field). What the grid folder's grid.json holds
 * is always the complete definition, so it documents the run on its own.
 *
 * <p>Strict reading (a file the user wrote) refuses unknown fields: a typo
 * such as {@code "epoch"} would otherwise be silently ignored and the grid
 * trained with the default. Lenient reading (a grid folder's own grid.json,
 * perhaps written by a newer version) ignores them, as the rest of the
 * engine's JSON does.
 */
public final class GridSpecJson {
    private static final List<String> NESTED = List.of("protocol", "probe");

    private GridSpecJson() {
    }

    /** Reads a definition; the result is not validated yet (see {@link GridSpec#problems()}). */
    public static GridSpec read(Path file, boolean strict) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " does not exist or is not a file");
        }
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(file.toFile());
        } catch (JacksonException e) {
            throw new IOException(file + " is not valid JSON: " + Json.problem(e), e);
        }
        return fromTree(tree, strict, file.toString());
    }

    /** As {@link #read(Path, boolean)}, from text (tests, the app). */
    public static GridSpec parse(String json, boolean strict) throws IOException {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(json);
        } catch (JacksonException e) {
            throw new IOException("not valid JSON: " + Json.problem(e), e);
        }
        return fromTree(tree, strict, "grid definition");
    }

    private static GridSpec fromTree(JsonNode tree, boolean strict, String source) throws IOException {
        if (!(tree instanceof ObjectNode given)) {
            throw new IOException(source + ": a grid definition is a JSON object { ... }");
        }
        ObjectNode merged = Json.mapper().valueToTree(GridSpec.defaults());
        List<String> unknown = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (!merged.has(key)) {
                unknown.add(key);
            } else if (NESTED.contains(key) && e.getValue().isObject()) {
                ObjectNode target = (ObjectNode) merged.get(key);
                for (Iterator<Map.Entry<String, JsonNode>> sub = e.getValue().fields(); sub.hasNext(); ) {
                    Map.Entry<String, JsonNode> s = sub.next();
                    if (target.has(s.getKey())) {
                        target.set(s.getKey(), s.getValue());
                    } else {
                        unknown.add(key + "." + s.getKey());
                    }
                }
            } else {
                merged.set(key, e.getValue());
            }
        }
        if (strict && !unknown.isEmpty()) {
            throw new IOException(source + ": unknown field" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + " (top-level fields: " + names(merged) + "; protocol fields: "
                    + String.join(", ", TrainingProtocol.FIELDS) + ")");
        }
        if (!(merged.get("protocol") instanceof ObjectNode protocol)) {
            throw new IOException(source + ": protocol must be a JSON object { ... }");
        }
        try {
            // Through the protocol's own reader, which accepts "sgd" as well as "SGD".
            merged.set("protocol", Json.mapper().valueToTree(TrainingProtocol.fromJson(protocol)));
            return Json.mapper().treeToValue(merged, GridSpec.class);
        } catch (JacksonException | IllegalArgumentException e) {
            String message = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
            throw new IOException(source + " is not a valid grid definition: " + message, e);
        }
    }

    private static String names(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    /** The complete definition as JSON text. */
    public static String write(GridSpec spec) {
        return Json.write(spec);
    }

    /** Writes the complete definition atomically. */
    public static void write(Path file, GridSpec spec) throws IOException {
        Json.writeAtomically(file, spec);
    }
}
