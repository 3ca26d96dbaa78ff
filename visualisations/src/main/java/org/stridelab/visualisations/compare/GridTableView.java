package org.stridelab.visualisations.compare;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.stridelab.engine.experiment.GridTable;
import org.stridelab.engine.experiment.PublishedResults;
import org.stridelab.engine.model.DownsamplingMethod;

/**
 * A grid's results as the paper prints them: rows are stride
 * initialisations, columns are methods, each cell the test accuracy over the
 * seeds (mean ± standard deviation) next to the shift consistency, and under
 * every initialisation the paper reports, its published numbers. A second
 * table gives what each cell cost and which strides it ended with. One pair
 * of tables per batch/mixup/PHC variant of the grid.
 */
public final class GridTableView extends VBox {
    private final Label heading = new Label();
    private final VBox sections = new VBox(16);
    /** Shown labels by "section/row/method/kind", for tests and for the app's own checks. */
    private final Map<String, Label> cells = new HashMap<>();
    private int sectionCount;

    public GridTableView() {
        getStyleClass().add("grid-table-view");
        setId("gridTable");
        setSpacing(8);
        setPadding(new Insets(4));
        heading.setWrapText(true);
        heading.setId("gridTableHeading");
        Label source = new Label("Published: " + PublishedResults.SOURCE + ". The paper trains the full-width "
                + "network on all of CIFAR-10 for its whole schedule; a small lab grid lands lower, so compare the "
                + "order of the methods and how much a bad initialisation costs each, not the absolute numbers.");
        source.getStyleClass().add("muted");
        source.setWrapText(true);
        getChildren().addAll(heading, sections, source);
        showMessage("Choose a grid on the left to see its table.");
    }

    public void showMessage(String text) {
        heading.setText(text);
        sections.getChildren().clear();
        cells.clear();
        sectionCount = 0;
    }

    /** @param summary a line about the grid (name, how many cells are finished) */
    public void show(GridTable table, String summary) {
        showMessage(summary);
        List<GridTable.Section> all = table.sections();
        for (int s = 0; s < all.size(); s++) {
            GridTable.Section section = all.get(s);
            Label variant = new Label(section.variant().label());
            variant.getStyleClass().add("panel-title");
            Label costTitle = new Label("cost and learned strides (mean over the finished seeds)");
            costTitle.getStyleClass().add("muted");
            sections.getChildren().add(new VBox(6, variant, results(s, table.methods(), section), costTitle,
                    costs(table.methods(), section)));
        }
        sectionCount = all.size();
    }

    private GridPane results(int s, List<DownsamplingMethod> methods, GridTable.Section section) {
        GridPane g = table(1 + 2 * methods.size());
        g.add(header("stride init"), 0, 0);
        for (int m = 0; m < methods.size(); m++) {
            Label name = header(methods.get(m).cliName());
            GridPane.setHalignment(name, HPos.CENTER);
            g.add(name, 1 + 2 * m, 0, 2, 1);
            g.add(subHeader("test acc. %"), 1 + 2 * m, 1);
            g.add(subHeader("shift cons."), 2 + 2 * m, 1);
        }
        int line = 2;
        List<GridTable.Row> rows = section.rows();
        for (int r = 0; r < rows.size(); r++) {
            GridTable.Row row = rows.get(r);
            g.add(new Label(row.label()), 0, line);
            int best = best(row);
            boolean anyPublished = false;
            for (int m = 0; m < methods.size(); m++) {
                GridTable.Entry e = row.entries().get(m);
                Label acc = number(e.accuracyText(), "grid-accuracy");
                if (m == best) {
                    acc.getStyleClass().add("best");
                }
                Label shift = number(e.shiftText(), "grid-shift");
                g.add(acc, 1 + 2 * m, line);
                g.add(shift, 2 + 2 * m, line);
                cells.put(key(s, r, m, "accuracy"), acc);
                cells.put(key(s, r, m, "shift"), shift);
                anyPublished |= GridTableText.published(methods.get(m), row.strides()).isPresent();
            }
            line++;
            if (anyPublished) {
                Label paper = new Label("  published");
                paper.getStyleClass().addAll("muted", "published");
                g.add(paper, 0, line);
                for (int m = 0; m < methods.size(); m++) {
                    OptionalDouble p = GridTableText.published(methods.get(m), row.strides());
                    Label value = number(GridTableText.published(p), "published");
                    value.getStyleClass().add("muted");
                    g.add(value, 1 + 2 * m, line);
                    cells.put(key(s, r, m, "published"), value);
                }
                line++;
            }
        }
        return g;
    }

    private GridPane costs(List<DownsamplingMethod> methods, GridTable.Section section) {
        GridPane g = table(7);
        g.getColumnConstraints().get(6).setHalignment(HPos.LEFT);
        g.getColumnConstraints().get(6).setMinWidth(120);
        g.getColumnConstraints().get(6).setHgrow(javafx.scene.layout.Priority.ALWAYS);
        String[] headers = {"stride init", "method", "parameters", "mult-adds / image", "s / epoch", "seeds done",
            "final learned strides (Sh\u00d7Sw)"};
        for (int c = 0; c < headers.length; c++) {
            g.add(subHeader(headers[c]), c, 0);
        }
        int line = 1;
        for (GridTable.Row row : section.rows()) {
            for (int m = 0; m < methods.size(); m++) {
                GridTable.Entry e = row.entries().get(m);
                g.add(new Label(m == 0 ? row.label() : ""), 0, line);
                g.add(new Label(methods.get(m).cliName()), 1, line);
                g.add(number(GridTableText.parameters(e.parameters()), "grid-parameters"), 2, line);
                g.add(number(GridTableText.multiplyAdds(e.multiplyAdds()), "grid-cost"), 3, line);
                g.add(number(GridTableText.secondsPerEpoch(e.secondsPerEpoch()), "grid-time"), 4, line);
                g.add(number(e.finished() + " / " + e.runs().size(), "grid-done"), 5, line);
                Label strides = new Label(GridTableText.strides(e.strides()));
                strides.getStyleClass().add("number");
                strides.setWrapText(true); // the one column that may wrap: four layers do not fit a narrow window
                strides.setMinWidth(120);
                GridPane.setHalignment(strides, HPos.LEFT);
                g.add(strides, 6, line);
                line++;
            }
        }
        return g;
    }

    /** The method with the highest mean accuracy in a row, -1 if fewer than two have one (nothing to compare). */
    private static int best(GridTable.Row row) {
        int best = -1;
        int withResult = 0;
        for (int m = 0; m < row.entries().size(); m++) {
            GridTable.Entry e = row.entries().get(m);
            if (e.accuracy().n() > 0) {
                withResult++;
                if (best < 0 || e.accuracy().mean() > row.entries().get(best).accuracy().mean()) {
                    best = m;
                }
            }
        }
        return withResult >= 2 ? best : -1;
    }

    private static GridPane table(int columns) {
        GridPane g = new GridPane();
        g.getStyleClass().add("grid-table");
        g.setHgap(18);
        g.setVgap(3);
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(c == 0 ? HPos.LEFT : HPos.RIGHT);
            cc.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // numbers are never cut to "1..."
            g.getColumnConstraints().add(cc);
        }
        return g;
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("table-header");
        return l;
    }

    private static Label subHeader(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll("muted", "table-subheader");
        return l;
    }

    private static Label number(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().addAll("number", styleClass);
        return l;
    }

    private static String key(int section, int row, int method, String kind) {
        return section + "/" + row + "/" + method + "/" + kind;
    }

    private String text(int section, int row, int method, String kind) {
        Label l = cells.get(key(section, row, method, kind));
        return l == null ? null : l.getText();
    }

    /** The accuracy text shown for a method at a stride initialisation (null if no such cell). */
    public String accuracyText(int section, int row, int method) {
        return text(section, row, method, "accuracy");
    }

    public String shiftText(int section, int row, int method) {
        return text(section, row, method, "shift");
    }

    /** The published accuracy shown under a row (a dash where the paper has none), null if no published row. */
    public String publishedText(int section, int row, int method) {
        return text(section, row, method, "published");
    }

    public int sectionCount() {
        return sectionCount;
    }

    public String headingText() {
        return heading.getText();
    }
}
