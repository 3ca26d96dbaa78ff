package org.stridelab.app.live;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.stridelab.engine.config.RunConfig;
import org.stridelab.engine.config.Setting;
import org.stridelab.engine.config.Settings;
import org.stridelab.engine.train.LiveSettings;
import org.stridelab.engine.train.events.LiveChangeEvent;

/**
 * The hyper-parameters a teacher may turn while the run trains or is paused:
 * the learning rate (the schedule keeps its shape, scaled to the new base), the
 * strides' learning-rate multiplier, weight decay, mixup and DiffStride's R.
 *
 * <p>Enter (or Apply) sends the value to the trainer, which applies it from the
 * next step and records it in the run's change log; the field shows "pending"
 * until the trainer reports it. A value the engine would refuse is refused
 * here, in place, with the engine's own reason ({@link LiveSettings#refusal}),
 * and nothing is sent.
 */
public final class LiveSettingsPanel extends VBox {
    private final Map<Setting<Double>, Row> rows = new LinkedHashMap<>();
    private final Label message = new Label();
    private final BiConsumer<Setting<Double>, Double> send;
    private RunConfig current;

    /** @param send hands a checked change to the running session (never waits) */
    public LiveSettingsPanel(BiConsumer<Setting<Double>, Double> send) {
        this.send = send;
        getStyleClass().add("live-settings");
        setSpacing(6);
        VBox fields = new VBox(4);
        for (Setting<Double> s : LiveSettings.CHANGEABLE) {
            Row row = new Row(s);
            rows.put(s, row);
            row.label.setWrapText(true);
            row.label.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(row.label, Priority.ALWAYS);
            row.apply.setMinWidth(Region.USE_PREF_SIZE);
            HBox line = new HBox(6, row.label, row.field, row.apply);
            line.setAlignment(Pos.CENTER_LEFT);
            fields.getChildren().add(line);
        }
        message.setWrapText(true);
        message.setId("liveMessage");
        message.getStyleClass().add("muted");
        message.setText("Change these while a run trains or is paused; each change takes effect at the next step "
                + "and is marked on the loss and stride charts.");
        getChildren().addAll(fields, message);
        setPadding(new Insets(2));
        follow(null);
    }

    /** The field of a setting (tests, the guided tour). */
    public TextField field(Setting<Double> setting) {
        return rows.get(setting).field;
    }

    /** The line under the fields: the last change, refusal or hint. */
    public Label message() {
        return message;
    }

    /** Shows a run's values (its configuration with the changes made so far); null clears the panel. */
    public void follow(RunConfig config) {
        current = config;
        for (Row row : rows.values()) {
            row.show();
        }
    }

    /** Enables the fields that act on the followed run (while it trains or is paused). */
    public void setLive(boolean live) {
        for (Row row : rows.values()) {
            boolean applies = live && current != null && LiveSettings.appliesTo(current, row.setting);
            row.field.setDisable(!applies);
            row.apply.setDisable(!applies);
        }
    }

    /** The trainer applied a change (or replayed one): the field shows it, no longer pending. */
    public void applied(LiveChangeEvent e) {
        if (current == null) {
            return;
        }
        Settings.byKey(e.settingKey()).ifPresent(any -> {
            @SuppressWarnings("unchecked")
            Setting<Double> s = (Setting<Double>) any;
            current = LiveSettings.applied(current, s, e.value());
            Row row = rows.get(s);
            if (row != null) {
                row.show();
            }
        });
        message.setText((e.replayed() ? "Replayed: " : "Changed: ") + e.describe() + ".");
    }

    /** The trainer refused a change after all (it changed meanwhile): say why. */
    public void refused(String why) {
        message.setText(why);
        rows.values().forEach(r -> r.field.getStyleClass().remove("pending"));
    }

    private final class Row {
        final Setting<Double> setting;
        final Label label;
        final TextField field = new TextField();
        final Button apply = new Button("Apply");
        final Tooltip help;

        Row(Setting<Double> setting) {
            this.setting = setting;
            this.label = new Label(setting.label());
            field.setId("live-" + setting.key());
            field.setPrefColumnCount(6);
            help = new Tooltip(setting.help() + (setting.equals(Settings.LEARNING_RATE)
                    ? " (the schedule keeps its shape, scaled to this base rate)" : "")
                    + (setting.equals(Settings.MIXUP) ? " (reaches the batches the loader has not prepared yet: "
                    + "a few steps later)" : ""));
            field.setTooltip(help);
            field.setOnAction(e -> submit());
            field.textProperty().addListener((o, a, b) -> field.getStyleClass().remove("invalid"));
            apply.setId("liveApply-" + setting.key());
            apply.getStyleClass().add("tool-button");
            apply.setOnAction(e -> submit());
        }

        void show() {
            field.getStyleClass().removeAll("invalid", "pending");
            field.setText(current == null ? "" : setting.format(LiveSettings.valueIn(current, setting)));
        }

        void submit() {
            if (current == null) {
                return;
            }
            Optional<String> problem;
            double value = Double.NaN;
            try {
                value = setting.parse(field.getText().trim());
                problem = LiveSettings.refusal(current, setting, value);
            } catch (IllegalArgumentException e) {
                problem = Optional.of(e.getMessage());
            }
            if (problem.isPresent()) {
                if (!field.getStyleClass().contains("invalid")) {
                    field.getStyleClass().add("invalid");
                }
                field.setTooltip(new Tooltip(problem.get()));
                message.setText("Refused: " + problem.get());
                return;
            }
            if (value == LiveSettings.valueIn(current, setting)) {
                return; // nothing changes: no log row, no mark
            }
            field.getStyleClass().remove("invalid");
            field.setTooltip(help);
            field.getStyleClass().add("pending");
            message.setText(setting.label() + " " + setting.format(value) + ": pending, applied at the next step");
            send.accept(setting, value);
        }
    }
}
