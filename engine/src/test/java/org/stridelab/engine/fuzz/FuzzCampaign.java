package org.stridelab.engine.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * A seeded, repeatable fuzz run over one kind of file: every {@link Mutation}
 * is applied {@code perMutation} times to a good file, the damaged copy is
 * written where the reader looks, and the reader must either read it or refuse
 * it with a clear message: one line, not blank, no stack trace, and an exception
 * type the lab's callers turn into that message ({@code expected}). Anything
 * else (a NullPointerException deep in a parser, an ND4J error, an
 * OutOfMemoryError from a size field) fails the test with the case that caused it.
 */
public final class FuzzCampaign {
    /**
     * Cases per mutation and file kind: 1,000 of each of the five mutations, 5,000
     * damaged files per kind; {@code -Dstridelab.fuzz.cases=N} changes it.
     */
    public static final int PER_MUTATION = Integer.getInteger("stridelab.fuzz.cases", 1000);

    /** Reads the damaged file at the path it was written to. */
    @FunctionalInterface
    public interface Reader {
        void read() throws Exception;
    }

    private FuzzCampaign() {
    }

    /**
     * @param kind     a name for the report, e.g. "checkpoint.zip"
     * @param good     the undamaged content
     * @param target   where each damaged copy is written
     * @param expected the exceptions that count as a clear refusal (their messages are checked)
     * @return a one-line summary: cases, read, refused, per mutation
     */
    public static String run(String kind, byte[] good, Path target, long seed, int perMutation,
                             Predicate<Throwable> expected, Reader reader) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        long start = System.nanoTime();
        Map<Mutation, int[]> counts = new EnumMap<>(Mutation.class); // [read, refused]
        List<String> failures = new ArrayList<>();
        List<String> examples = new ArrayList<>();
        for (Mutation m : Mutation.values()) {
            int[] c = counts.computeIfAbsent(m, k -> new int[2]);
            for (int i = 0; i < perMutation; i++) {
                byte[] bad = m.apply(good, random);
                Files.write(target, bad);
                try {
                    reader.read();
                    c[0]++;
                } catch (Throwable t) {
                    String problem = problem(t, expected);
                    if (problem == null) {
                        c[1]++;
                        if (c[1] == 1) {
                            examples.add(m.name().toLowerCase(Locale.ROOT) + ": " + t.getMessage());
                        }
                    } else if (failures.size() < 5) {
                        failures.add(m + " case " + i + ": " + problem);
                    }
                }
            }
        }
        Files.write(target, good); // the next campaign starts from good files
        StringBuilder summary = new StringBuilder(String.format(Locale.ROOT, "fuzz %-16s %6d cases:", kind,
                perMutation * Mutation.values().length));
        counts.forEach((m, c) -> summary.append(String.format(Locale.ROOT, " %s %d read/%d refused;",
                m.name().toLowerCase(Locale.ROOT), c[0], c[1])));
        summary.append(String.format(Locale.ROOT, " %.1f s", (System.nanoTime() - start) / 1e9));
        System.out.println(summary);
        examples.forEach(e -> System.out.println("  e.g. " + e));
        if (!failures.isEmpty()) {
            fail(kind + ": damaged files were not refused with a clear message:\n" + String.join("\n", failures));
        }
        return summary.toString();
    }

    /** Null when {@code t} is a clear refusal, else what is wrong with it. */
    private static String problem(Throwable t, Predicate<Throwable> expected) {
        String m = t.getMessage();
        if (!expected.test(t)) {
            return "unexpected " + t.getClass().getName() + ": " + stack(t);
        }
        if (m == null || m.isBlank()) {
            return t.getClass().getName() + " without a message: " + stack(t);
        }
        if (m.contains("\n") || m.contains("\r")) {
            return "a message of several lines: " + m;
        }
        if (m.length() > 600) {
            return "a message too long to read (" + m.length() + " characters): " + m.substring(0, 200) + "...";
        }
        return null;
    }

    private static String stack(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        String s = w.toString();
        return s.length() > 3000 ? s.substring(0, 3000) : s;
    }
}
