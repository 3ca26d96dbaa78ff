package org.stridelab.engine.experiment;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Number and stride formatting shared by the report writers, so Markdown and CSV agree. */
final class ReportFormat {
    private ReportFormat() {
    }

    /** e.g. "stem 1.00x1.00; stage2 2.31x2.40", empty when there are no spectral layers. */
    static String strides(Map<String, double[]> strides) {
        StringJoiner j = new StringJoiner("; ");
        strides.forEach((layer, s) -> j.add(String.format(Locale.ROOT, "%s %.2fx%.2f", layer, s[0], s[1])));
        return j.toString();
    }

    static String millions(long value) {
        return value < 0 ? "" : String.format(Locale.ROOT, "%.2f M", value / 1e6);
    }

    static String seconds(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.1f", value);
    }

    static String percent(double fraction) {
        return Double.isNaN(fraction) ? "" : String.format(Locale.ROOT, "%.2f", 100 * fraction);
    }

    static String fraction(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    /** A cell of a Markdown table: pipes and line breaks would break the row. */
    static String md(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    /** A CSV field, quoted when it holds a comma, quote or line break. */
    static String csv(String text) {
        if (text == null) {
            return "";
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    static String dash(String text) {
        return text == null || text.isEmpty() ? "—" : text;
    }
}
