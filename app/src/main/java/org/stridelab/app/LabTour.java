package org.stridelab.app;

import java.util.List;
import javafx.scene.Node;
import org.stridelab.app.examples.ExampleRuns;
import org.stridelab.app.tour.TourStep;
import org.stridelab.app.training.SessionState;
import org.stridelab.engine.config.RunPresets;

/**
 * The guided tour's six steps over the lab's views: aliasing, fractional
 * strides, the mask's ramp, a DiffStride run started, its strides and cost
 * moving, and a finished grid. Each step puts its view in the state its text
 * talks about; nothing trains unless the user presses Start.
 */
final class LabTour {
    private LabTour() {
    }

    /** @param formPanel the run form's panel (step 4 outlines it) */
    static List<TourStep> steps(LabWindow window, Node formPanel) {
        LabViews v = window.views();
        return List.of(
                new TourStep("Aliasing: skipping pixels against cutting frequencies",
                        "Strided subsampling keeps every second pixel: detail finer than the new grid can hold "
                                + "folds back as false coarse patterns (aliasing). Spectral pooling removes those "
                                + "frequencies in the Fourier domain first; compare the two crops of the same image "
                                + "at stride 2.",
                        atInspector(v, 2, 2, 4), () -> v.inspectorPanel),
                new TourStep("Fractional strides",
                        "Spectral pooling keeps the central H/S \u00d7 W/S frequencies, so a stride need not be a "
                                + "whole number: here 1.5 down and 2.5 across. A strided convolution can only "
                                + "skip 1, 2 or 3 pixels.",
                        atInspector(v, 1.5, 2.5, 4), () -> v.inspectorPanel),
                new TourStep("What the mask's ramp R does",
                        "DiffStride multiplies the spectrum by a mask whose edge falls to zero over R frequency "
                                + "bins. The soft edge makes the output change smoothly with the stride, so the "
                                + "stride gets a gradient and can be learned; a larger R keeps a larger map.",
                        atInspector(v, 2, 2, 8), () -> v.inspectorPanel),
                new TourStep("Start a DiffStride run",
                        "The form now holds the demo preset: DiffStride from a poor start, (3, 1, 3), its "
                                + "strides learning 30 times faster than the weights. Press Start (F5); it trains "
                                + "in the background for a few minutes, and the tour can go on meanwhile.",
                        () -> {
                            v.select("training");
                            if (window.state() == SessionState.IDLE) {
                                window.form().fill(RunPresets.demo());
                            }
                        }, () -> formPanel),
                new TourStep("Watch the strides and the cost move",
                        "Each line is one learned stride, per stage and axis; the masks beside it show what "
                                + "each layer keeps. As strides grow, the cost under \u201cProgress and cost\u201d "
                                + "(multiply-adds per image) falls. Turn a knob under \u201cChange while "
                                + "training\u201d: the change is marked on the charts.",
                        () -> v.select("training"), () -> v.stridePanel),
                new TourStep("Compare with a finished grid",
                        "A finished grid: strided convolution, spectral pooling and DiffStride from a good "
                                + "start (2, 2, 2) and a poor one (3, 2, 3). On CIFAR-10 the paper found strided "
                                + "convolution fall from 91.4 % to 82.0 % with the poor start, while DiffStride "
                                + "stayed at 92.3 %: read this grid's table and curves the same way.",
                        () -> {
                            if (ExampleRuns.shipped()) {
                                window.openExample(ExampleRuns.ALL.get(ExampleRuns.ALL.size() - 1));
                            }
                            v.select("compare");
                        }, () -> v.compare));
    }

    /** Shows the crop inspector with its sliders at a stride and ramp. */
    private static Runnable atInspector(LabViews v, double strideHeight, double strideWidth, double smoothness) {
        return () -> {
            v.select("inspector");
            v.inspector.setSliders(strideHeight, strideWidth, smoothness);
        };
    }
}
