package org.stridelab.engine.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * JSON for run files: pretty, tolerant of unknown fields (files written by newer
 * versions), and strict about anything after the value: no writer appends to a
 * run file, so trailing bytes mean damage, not data.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code value} as JSON to {@code file} atomically. */
    public static void writeAtomically(Path file, Object value) throws IOException {
        AtomicFiles.write(file, write(value).getBytes(StandardCharsets.UTF_8));
    }

    public static <T> T read(Path file, Class<T> type) throws IOException {
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(file + " is not a valid " + type.getSimpleName() + " file: " + problem(e), e);
        }
    }

    /**
     * Jackson's reason in one readable line, with where it happened: its own
     * message adds a source description meant for logs, not for users.
     */
    public static String problem(com.fasterxml.jackson.core.JacksonException e) {
        String m = String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")
                ? "more follows the end of the JSON value (appended or doubled content)"
                : String.valueOf(e.getOriginalMessage()).replaceAll("\\[Source: [^;]*; ", "[")
                .replaceAll("[\\r\\n]+", " ");
        var at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? m : m + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
}
