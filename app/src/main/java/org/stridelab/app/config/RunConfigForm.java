package org.stridelab.app.config;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;
import org.stridelab.engine.model.DownsamplingMethod;
import org.stridelab.engine.train.RunConfig;
import org.stridelab.engine.train.Optimizer;

/**
 * The run configuration as a form. Every edit re-validates (parsing here,
 * rules from the engine's {@code RunConfig.problems()}); a wrong field is
 * outlined in red with the reason as its tooltip, all reasons are listed under
 * the form, and {@link #resultProperty()} says whether Start may be pressed.
 */
public final class RunConfigForm extends VBox {
    private final ComboBox<DownsamplingMethod> method = new ComboBox<>();
    private final TextField[] strides = {field("stride1"), field("stride2"), field("stride3")};
    private final TextField smoothness = field("smoothness");
    private final TextField width = field("width");
    /** PHC order; a choice rather than text: only 0, 2, 3 and 4 exist (the engine's rule still validates). */
    private final ComboBox<Integer> phc = new ComboBox<>();
    private final TextField batch = field("batch");
    private final TextField epochs = field("epochs");
    private final ComboBox<Optimizer.Kind> optimizer = new ComboBox<>();
    private final TextField learningRate = field("learningRate");
    private final TextField mixup = field("mixup");
    private final ComboBox<String> data = new ComboBox<>();
    private final TextField seed = field("seed");
    private final TextField trainLimit = field("trainLimit");
    private final Label problems = new Label();
    private final Label runsFolderLabel = new Label();
    private final Map<ConfigField, List<Control>> controls = new EnumMap<>(ConfigField.class);
    private final ReadOnlyObjectWrapper<ConfigDraft.Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ObjectProperty<Path> runsFolder = new SimpleObjectProperty<>(this, "runsFolder");

    public RunConfigForm(Path defaultRunsFolder) {
        getStyleClass().add("run-config-form");
        setSpacing(8);
        method.setId("method");
        method.getItems().setAll(DownsamplingMethod.values());
        method.setConverter(converter(DownsamplingMethod::cliName));
        optimizer.setId("optimizer");
        optimizer.getItems().setAll(Optimizer.Kind.values());
        optimizer.setConverter(converter(k -> k.name().toLowerCase(java.util.Locale.ROOT)));
        phc.setId("phc");
        phc.getItems().setAll(0, 2, 3, 4);
        phc.setConverter(converter(n -> n == 0 ? "off (ordinary convolutions)" : n == 4 ? "4 (quaternion-sized)"
                : Integer.toString(n)));
        phc.setMaxWidth(Double.MAX_VALUE);
        data.setId("data");
        data.setEditable(true);
        data.getItems().setAll("generated", "cifar10");
        method.setMaxWidth(Double.MAX_VALUE);
        optimizer.setMaxWidth(Double.MAX_VALUE);
        data.setMaxWidth(Double.MAX_VALUE);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(5);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(92);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().addAll(names, values);
        HBox strideBox = new HBox(4, strides);
        for (TextField s : strides) {
            s.setPrefColumnCount(3);
            HBox.setHgrow(s, Priority.ALWAYS);
        }
        Button browse = new Button("\u2026");
        browse.setTooltip(new Tooltip("A CIFAR-format folder or .tar.gz archive"));
        browse.setOnAction(e -> chooseDataFolder());
        HBox dataBox = new HBox(4, data, browse);
        HBox.setHgrow(data, Priority.ALWAYS);
        int r = 0;
        row(grid, r++, "method", method, "strided convolution, fixed spectral pooling, or DiffStride (learned strides)");
        row(grid, r++, "strides", strideBox, "initial stride of stages 2, 3 and 4");
        row(grid, r++, "smoothness R", smoothness, "DiffStride's ramp width in frequency bins");
        row(grid, r++, "width", width, "width multiplier: 1 = 64..512 filters, 0.25 = 16..128");
        row(grid, r++, "PHC order", phc, "parameterised hypercomplex convolutions of order n: about 1/n of the "
                + "weights, each layer learns its own n\u00d7n algebra; off = ordinary convolutions");
        row(grid, r++, "batch", batch, "images per step");
        row(grid, r++, "epochs", epochs, "passes over the training images");
        row(grid, r++, "optimiser", optimizer, "SGD with Nesterov momentum, or Adam");
        row(grid, r++, "learning rate", learningRate, "base learning rate (cosine schedule)");
        row(grid, r++, "mixup", mixup, "mixup alpha; 0 = off");
        row(grid, r++, "data", dataBox, "generated (offline), cifar10 (downloaded if missing) or a path");
        row(grid, r++, "seed", seed, "initialisation, data order and augmentation");
        row(grid, r++, "train limit", trainLimit, "use only the first N training images; 0 = all");

        controls.put(ConfigField.METHOD, List.of(method));
        controls.put(ConfigField.STRIDES, List.of(strides));
        controls.put(ConfigField.SMOOTHNESS, List.of(smoothness));
        controls.put(ConfigField.WIDTH, List.of(width));
        controls.put(ConfigField.PHC, List.of(phc));
        controls.put(ConfigField.BATCH, List.of(batch));
        controls.put(ConfigField.EPOCHS, List.of(epochs));
        controls.put(ConfigField.OPTIMIZER, List.of(optimizer));
        controls.put(ConfigField.LEARNING_RATE, List.of(learningRate));
        controls.put(ConfigField.MIXUP, List.of(mixup));
        controls.put(ConfigField.DATA, List.of(data));
        controls.put(ConfigField.SEED, List.of(seed));
        controls.put(ConfigField.TRAIN_LIMIT, List.of(trainLimit));

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
        fill(RunConfig.defaults());
        method.valueProperty().addListener(o -> validate());
        optimizer.valueProperty().addListener(o -> validate());
        phc.valueProperty().addListener(o -> validate());
        data.valueProperty().addListener(o -> validate());
        data.getEditor().textProperty().addListener(o -> validate());
        for (TextField t : allTextFields()) {
            t.textProperty().addListener(o -> validate());
        }
        validate();
    }

    /** The parsed configuration and its problems, updated on every edit. */
    public ReadOnlyObjectProperty<ConfigDraft.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Where new runs' folders are created. */
    public ObjectProperty<Path> runsFolderProperty() {
        return runsFolder;
    }

    /** Shows a configuration (defaults, launch options or a reopened run). */
    public void fill(RunConfig c) {
        method.setValue(c.method());
        double[] s = c.strides();
        for (int i = 0; i < 3; i++) {
            strides[i].setText(number(s[i]));
        }
        smoothness.setText(number(c.smoothness()));
        width.setText(number(c.width()));
        phc.setValue(c.phc());
        batch.setText(Integer.toString(c.batchSize()));
        epochs.setText(Integer.toString(c.epochs()));
        optimizer.setValue(c.optimizer());
        learningRate.setText(number(c.learningRate()));
        mixup.setText(number(c.mixupAlpha()));
        data.setValue(c.data());
        data.getEditor().setText(c.data());
        seed.setText(Long.toString(c.seed()));
        trainLimit.setText(Integer.toString(c.trainLimit()));
        validate();
    }

    /** Sets one field's text by its key (launch options); unknown keys are reported. */
    public boolean set(String key, String value) {
        switch (key) {
            case "method" -> method.setValue(DownsamplingMethod.parse(value));
            case "strides" -> {
                String[] p = value.split(",");
                for (int i = 0; i < 3; i++) {
                    strides[i].setText(i < p.length ? p[i].strip() : "");
                }
            }
            case "smoothness" -> smoothness.setText(value);
            case "width" -> width.setText(value);
            case "phc" -> phc.setValue(Integer.parseInt(value.strip()));
            case "batch" -> batch.setText(value);
            case "epochs" -> epochs.setText(value);
            case "optimizer" -> optimizer.setValue(Optimizer.Kind.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT)));
            case "lr" -> learningRate.setText(value);
            case "mixup" -> mixup.setText(value);
            case "data" -> {
                data.setValue(value);
                data.getEditor().setText(value);
            }
            case "seed" -> seed.setText(value);
            case "train-limit" -> trainLimit.setText(value);
            default -> {
                return false;
            }
        }
        validate();
        return true;
    }

    /** Locks the form while a run trains (its configuration is fixed then). */
    public void setLocked(boolean locked) {
        for (Node n : allInputs()) {
            n.setDisable(locked);
        }
    }

    private void validate() {
        Map<ConfigField, String> text = new EnumMap<>(ConfigField.class);
        text.put(ConfigField.STRIDES, strides[0].getText() + "," + strides[1].getText() + "," + strides[2].getText());
        text.put(ConfigField.SMOOTHNESS, smoothness.getText());
        text.put(ConfigField.WIDTH, width.getText());
        text.put(ConfigField.PHC, phc.getValue() == null ? "0" : Integer.toString(phc.getValue()));
        text.put(ConfigField.BATCH, batch.getText());
        text.put(ConfigField.EPOCHS, epochs.getText());
        text.put(ConfigField.LEARNING_RATE, learningRate.getText());
        text.put(ConfigField.MIXUP, mixup.getText());
        String dataText = data.isEditable() && data.getEditor() != null ? data.getEditor().getText() : data.getValue();
        text.put(ConfigField.DATA, dataText == null ? "" : dataText);
        text.put(ConfigField.SEED, seed.getText());
        text.put(ConfigField.TRAIN_LIMIT, trainLimit.getText());
        ConfigDraft.Result r = ConfigDraft.parse(text, method.getValue(), optimizer.getValue());
        for (Map.Entry<ConfigField, List<Control>> e : controls.entrySet()) {
            List<String> p = r.problems().get(e.getKey());
            for (Control c : e.getValue()) {
                boolean bad = p != null && blames(e.getKey(), c, p);
                c.getStyleClass().remove("invalid");
                if (bad) {
                    c.getStyleClass().add("invalid");
                    c.setTooltip(new Tooltip(String.join("\n", p)));
                } else {
                    c.setTooltip(null);
                }
            }
        }
        List<String> all = r.all();
        problems.setText(all.isEmpty() ? "" : "\u2716 " + String.join("\n\u2716 ", all));
        problems.setVisible(!all.isEmpty());
        problems.setManaged(!all.isEmpty());
        result.set(r);
    }

    /** For strides, only the stage fields that hold the wrong value are marked (all three if unclear). */
    private boolean blames(ConfigField f, Control c, List<String> p) {
        if (f != ConfigField.STRIDES) {
            return true;
        }
        List<TextField> suspects = new ArrayList<>();
        for (TextField s : strides) {
            try {
                double v = Double.parseDouble(s.getText().strip());
                boolean integerNeeded = method.getValue() == DownsamplingMethod.STRIDED;
                if (!(v >= 1) || Double.isInfinite(v) || (integerNeeded && v != Math.rint(v))) {
                    suspects.add(s);
                }
            } catch (NumberFormatException e) {
                suspects.add(s);
            }
        }
        return suspects.isEmpty() || suspects.contains(c);
    }

    private List<TextField> allTextFields() {
        List<TextField> all = new ArrayList<>(List.of(strides));
        all.addAll(List.of(smoothness, width, batch, epochs, learningRate, mixup, seed, trainLimit));
        return all;
    }

    private List<Node> allInputs() {
        List<Node> all = new ArrayList<>(allTextFields());
        all.addAll(List.of(method, phc, optimizer, data));
        return all;
    }

    private void chooseDataFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("CIFAR-format dataset folder");
        File dir = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        if (dir != null) {
            data.setValue(dir.getAbsolutePath());
            data.getEditor().setText(dir.getAbsolutePath());
        }
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

    private static void row(GridPane grid, int r, String name, Node input, String help) {
        Label l = new Label(name);
        l.setTooltip(new Tooltip(help));
        grid.add(l, 0, r);
        grid.add(input, 1, r);
    }

    private static TextField field(String id) {
        TextField t = new TextField();
        t.setId(id);
        t.setPrefColumnCount(8);
        return t;
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : name.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
