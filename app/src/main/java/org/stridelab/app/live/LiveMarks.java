package org.stridelab.app.live;

import java.util.Map;
import org.stridelab.engine.config.Settings;
import org.stridelab.engine.train.events.LiveChangeEvent;

/** The short label a live change gets on the charts: a few characters that fit beside a vertical line. */
public final class LiveMarks {
    private static final Map<String, String> SHORT = Map.of(Settings.LEARNING_RATE.key(), "lr",
            Settings.STRIDE_LR.key(), "stride lr \u00d7", Settings.WEIGHT_DECAY.key(), "wd",
            Settings.MIXUP.key(), "mixup", Settings.SMOOTHNESS.key(), "R");

    private LiveMarks() {
    }

    /** E.g. "lr 0.05", "R 2", "stride lr ×30". */
    public static String label(LiveChangeEvent e) {
        String name = SHORT.getOrDefault(e.settingKey(), e.label());
        return name + (name.endsWith("\u00d7") ? "" : " ") + Settings.LEARNING_RATE.format(e.value());
    }
}
