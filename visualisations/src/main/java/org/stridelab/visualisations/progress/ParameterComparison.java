package org.stridelab.visualisations.progress;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/**
 * The configured network's trainable values with ordinary ("real")
 * convolutions and with PHC convolutions of the chosen order, side by side:
 * PHC's point is to need about 1/n of them, and the two numbers show how
 * close a whole network gets (the RGB stem, batch norms and the classifier
 * stay ordinary).
 */
public final class ParameterComparison extends GridPane {
    private final Label real = value("paramsReal");
    private final Label phc = value("paramsPhc");
    private final Label phcName = new Label("PHC");
    private final Label ratio = new Label();

    public ParameterComparison() {
        getStyleClass().add("parameter-comparison");
        setHgap(10);
        setVgap(3);
        Label realName = new Label("params, real conv.");
        realName.getStyleClass().add("muted");
        phcName.getStyleClass().add("muted");
        ratio.getStyleClass().add("muted");
        ratio.setId("paramsRatio");
        ratio.setWrapText(true);
        add(realName, 0, 0);
        add(real, 1, 0);
        add(phcName, 2, 0);
        add(phc, 3, 0);
        add(ratio, 0, 1, 4, 1);
        showPending();
    }

    /** While the counts are being computed (a network is built for each, off the FX thread). */
    public void showPending() {
        real.setText("\u2026");
        phc.setText("\u2026");
        ratio.setText("");
    }

    /** When the form holds no valid configuration. */
    public void showUnknown(String why) {
        real.setText("-");
        phc.setText("-");
        ratio.setText(why);
    }

    /**
     * @param realCount parameters of the configuration with ordinary convolutions
     * @param phcCount  parameters with PHC of order {@code n}; ignored when n is 0
     * @param n         the chosen PHC order, 0 when PHC is off
     */
    public void show(long realCount, long phcCount, int n) {
        real.setText(String.format(Locale.ROOT, "%,d", realCount));
        if (n < 2) {
            phcName.setText("PHC");
            phc.setText("off");
            ratio.setText("choose a PHC order in the run form to compare");
            return;
        }
        phcName.setText("PHC n=" + n);
        phc.setText(String.format(Locale.ROOT, "%,d", phcCount));
        ratio.setText(String.format(Locale.ROOT, "PHC keeps %.0f %% of the values (1/%d would be %.0f %%)",
                100.0 * phcCount / realCount, n, 100.0 / n));
    }

    public String realText() {
        return real.getText();
    }

    public String phcText() {
        return phc.getText();
    }

    private static Label value(String id) {
        Label l = new Label("-");
        l.setId(id);
        l.getStyleClass().add("number");
        return l;
    }
}
