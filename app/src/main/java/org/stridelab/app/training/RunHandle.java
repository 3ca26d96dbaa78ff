package org.stridelab.app.training;

import java.nio.file.Path;
import org.stridelab.engine.config.RunConfig;
import org.stridelab.visualisations.charts.RunLabel;

/**
 * A run as the app knows it: its label in the charts, its configuration and
 * its folder. Events are tagged with it, so views can tell runs apart even
 * when two share a name.
 */
public record RunHandle(RunLabel label, RunConfig config, Path folder) {

    public String key() {
        return label.key();
    }
}
