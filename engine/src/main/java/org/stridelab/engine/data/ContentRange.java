package org.stridelab.engine.data;

import java.net.http.HttpResponse;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code Content-Range: bytes START-END/TOTAL} header of a 206 answer. */
final class ContentRange {

    private static final Pattern RANGE = Pattern.compile("\\s*bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)\\s*");

    private ContentRange() {
    }

    /** The first byte's offset, or empty if the header is absent or malformed. */
    static OptionalLong start(HttpResponse<?> response) {
        Matcher m = match(response);
        return m == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(m.group(1)));
    }

    /** The whole file's size, or empty if unknown. */
    static OptionalLong total(HttpResponse<?> response) {
        Matcher m = match(response);
        return m == null || m.group(3).equals("*") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(m.group(3)));
    }

    private static Matcher match(HttpResponse<?> response) {
        Matcher m = response.headers().firstValue("Content-Range").map(RANGE::matcher).orElse(null);
        return m != null && m.matches() ? m : null;
    }
}
