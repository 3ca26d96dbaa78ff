package org.stridelab.app.config;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.stridelab.engine.config.Range;
import org.stridelab.engine.config.RunConfig;
import org.stridelab.engine.config.RunPresets;
import org.stridelab.engine.config.Setting;
import org.stridelab.engine.config.Settings;
import org.stridelab.engine.config.ValueType;
import org.stridelab.engine.model.DownsamplingMethod;

/**
 * The run configuration as a form: one row per setting it shows, each built
 * from the setting's declaration (label, help, type, allowed values). Every
 * edit re-validates (reading and rules from the engine); a wrong field is
 * outlined in red with the reason as its tooltip, all reasons are listed under
 * the form, and {@link #resultProperty()} says whether Start may be pressed.
 */
public final class RunConfigForm extends VBox {
    /** The settings the form shows, in order; the others keep the values of the last configuration filled in. */
    public static final List<Setting<?>> SHOWN = List.of(Settings.METHOD, Settings.STRIDES, Settings.SMOOTHNESS,
            Settings.WIDTH, Settings.PHC, Settings.BATCH_SIZE, Settings.EPOCHS, Settings.OPTIMIZER,
            Settings.LEARNING_RATE, Settings.MIXUP, Settings.DATA_SOURCE, Settings.SEED, Settings.TRAIN_LIMIT);

    private final Map<Setting<?>, SettingInput> inputs = new LinkedHashMap<>();
    private final Label problems = new Label();
    private final Label runsFolderLabel = new Label();
    private final ReadOnlyObjectWrapper<ConfigDraft.Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ObjectProperty<Path> runsFolder = new SimpleObjectProperty<>(this, "runsFolder");
    private RunConfig base = RunConfig.defaults();
    private boolean filling;

    public RunConfigForm(Path defaultRunsFolder) {
        getStyleClass().add("run-config-form");
        setSpacing(8);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(5);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(92);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().addAll(names, values);
        ComboBox<String> presets = new ComboBox<>();
        presets.setId("preset");
        presets.getItems().setAll(RunPresets.names());
        presets.setValue(RunPresets.DEMO);
        presets.setMaxWidth(Double.MAX_VALUE);
        presets.setOnAction(e -> {
            if (presets.getValue() != null) {
                fill(RunPresets.named(presets.getValue()));
            }
        });
        Label presetLabel = new Label("preset");
        presetLabel.setTooltip(new Tooltip("demo: DiffStride from a poor start, strides that visibly move within "
                + "minutes; baseline: the lab's defaults (strided convolution)"));
        grid.add(presetLabel, 0, 0);
        grid.add(presets, 1, 0);
        int r = 1;
        for (Setting<?> s : SHOWN) {
            SettingInput input = inputFor(s);
            inputs.put(s, input);
            Label l = new Label(s.label());
            l.setTooltip(new Tooltip(s.help()));
            grid.add(l, 0, r);
            grid.add(input.node(), 1, r++);
        }

        problems.setId("configProblems");
        problems.getStyleClass().add("config-problems");
        problems.setWrapText(true);
        problems.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        Button chooseRuns = new Button("Runs folder\u2026");
        chooseRuns.setOnAction(e -> chooseRunsFolder());
        chooseRuns.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the path beside it wraps instead
        runsFolderLabel.getStyleClass().add("muted");
        runsFolderLabel.setWrapText(true);
        runsFolder.addListener((o, a, b) -> runsFolderLabel.setText("runs go to " + b));
        runsFolder.set(defaultRunsFolder);
        HBox runsBox = new HBox(6, chooseRuns, runsFolderLabel);
        runsBox.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(grid, problems, runsBox);
        // The first start shows the spectral story: DiffStride, its masks and moving strides, in minutes.
        fill(RunPresets.demo());
        inputs.values().forEach(i -> i.onEdit(() -> {
            if (!filling) {
                validate();
            }
        }));
        validate();
    }

    /** The input a setting's declaration calls for: a choice for few values, three fields for strides, else text. */
    private SettingInput inputFor(Setting<?> s) {
        if (s == Settings.STRIDES) {
            return new StridesInput(this::chosenMethod);
        }
        if (s == Settings.DATA_SOURCE) {
            return new DataInput(s.key());
        }
        List<String> choices = choices(s);
        if (!choices.isEmpty()) {
            boolean off = s.range() != null && s.range().zeroMeansOff();
            return new ChoiceInput(s.key(), choices, v -> off && v.equals("0") ? "off" : v);
        }
        return new TextInput(s.key());
    }

    /** A choice type's values, or a whole-number range's when it holds only a few. */
    private static <T> List<String> choices(Setting<T> s) {
        if (!s.type().choices().isEmpty()) {
            return s.type().choices().stream().map(s::format).toList();
        }
        Range range = s.range();
        if (s.type() == ValueType.WHOLE && range != null && !Double.isInfinite(range.max())
                && range.max() - range.min() <= 8) {
            List<String> out = new ArrayList<>();
            if (range.zeroMeansOff()) {
                out.add("0");
            }
            for (long v = (long) Math.ceil(range.min()); v <= range.max(); v++) {
                if (range.contains(v) && v != 0) {
                    out.add(Long.toString(v));
                }
            }
            return out;
        }
        return List.of();
    }

    private DownsamplingMethod chosenMethod() {
        try {
            return Settings.METHOD.parse(inputs.get(Settings.METHOD).text());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The parsed configuration and its problems, updated on every edit. */
    public ReadOnlyObjectProperty<ConfigDraft.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Where new runs' folders are created. */
    public ObjectProperty<Path> runsFolderProperty() {
        return runsFolder;
    }

    /** Shows a configuration (defaults, launch options or a reopened run); settings not shown keep its values. */
    public void fill(RunConfig c) {
        base = c;
        filling = true;
        try {
            inputs.forEach((s, input) -> input.show(s.formatIn(c)));
        } finally {
            filling = false;
        }
        validate();
    }

    /**
     * Sets one shown setting's text by its flag without dashes ("lr", "train-limit") or its key
     * (launch options); false for a setting the form does not show.
     */
    public boolean set(String key, String value) {
        Setting<?> s = Settings.byFlag(key).or(() -> Settings.byKey(key)).orElse(null);
        SettingInput input = s == null ? null : inputs.get(s);
        if (input == null) {
            return false;
        }
        input.show(normalised(s, value.strip()));
        validate();
        return true;
    }

    /** A choice's text in the setting's own spelling ("DIFFSTRIDE" shows as "diffstride"); other text as given. */
    private static <T> String normalised(Setting<T> s, String text) {
        if (s.type().choices().isEmpty()) {
            return text;
        }
        try {
            return s.format(s.parse(text));
        } catch (IllegalArgumentException e) {
            return text; // shown, and explained by validation
        }
    }

    /** Locks the form while a run trains (its configuration is fixed then). */
    public void setLocked(boolean locked) {
        inputs.values().forEach(i -> i.node().setDisable(locked));
    }

    private void validate() {
        Map<Setting<?>, String> text = new LinkedHashMap<>();
        inputs.forEach((s, input) -> text.put(s, input.text()));
        ConfigDraft.Result r = ConfigDraft.parse(text, base);
        inputs.forEach((s, input) -> {
            List<String> p = r.problems().get(s);
            for (Control c : input.controls()) {
                c.getStyleClass().remove("invalid");
                if (p != null && input.blames(c)) {
                    c.getStyleClass().add("invalid");
                    c.setTooltip(new Tooltip(String.join("\n", p)));
                } else {
                    c.setTooltip(null);
                }
            }
        });
        List<String> all = r.all();
        problems.setText(all.isEmpty() ? "" : "\u2716 " + String.join("\n\u2716 ", all));
        problems.setVisible(!all.isEmpty());
        problems.setManaged(!all.isEmpty());
        result.set(r);
    }

    private void chooseRunsFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder for new runs");
        File current = runsFolder.get() == null ? null : runsFolder.get().toFile();
        if (current != null && current.isDirectory()) {
            chooser.setInitialDirectory(current);
        }
        File dir = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        if (dir != null) {
            runsFolder.set(dir.toPath());
        }
    }
}
