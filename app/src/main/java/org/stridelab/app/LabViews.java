package org.stridelab.app;

import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.stridelab.app.compare.ComparePane;
import org.stridelab.app.export.ChartButtons;
import org.stridelab.visualisations.charts.AccuracyChart;
import org.stridelab.visualisations.charts.LearningRateChart;
import org.stridelab.visualisations.charts.LiveXYChart;
import org.stridelab.visualisations.charts.LossChart;
import org.stridelab.visualisations.features.FeatureMapsView;
import org.stridelab.visualisations.images.ThumbnailGrid;
import org.stridelab.visualisations.layout.ViewPanel;
import org.stridelab.visualisations.masks.MaskGallery;
import org.stridelab.visualisations.phc.AlgebraView;
import org.stridelab.visualisations.progress.ParameterComparison;
import org.stridelab.visualisations.progress.RunProgressView;
import org.stridelab.visualisations.spectrum.CropInspector;
import org.stridelab.visualisations.strides.StrideHistoryChart;
import org.stridelab.visualisations.strides.StrideTable;

/**
 * The lab's views, each in its panel with its teaching note and tools, laid
 * out in tabs: training (curves, strides, masks), the crop inspector, feature
 * maps, the learned PHC algebras, and Compare (runs and grids side by side).
 * Holds no run logic: the window and its controllers feed the views.
 */
public final class LabViews {
    public final LossChart loss = new LossChart();
    public final AccuracyChart accuracy = new AccuracyChart();
    public final LearningRateChart learningRate = new LearningRateChart();
    public final StrideHistoryChart strideChart = new StrideHistoryChart();
    public final StrideTable strideTable = new StrideTable();
    public final MaskGallery masks = new MaskGallery();
    public final CropInspector inspector = new CropInspector();
    public final ThumbnailGrid thumbnails = new ThumbnailGrid();
    public final RunProgressView progress = new RunProgressView();
    public final FeatureMapsView featureMaps = new FeatureMapsView();
    public final AlgebraView algebra = new AlgebraView();
    public final ParameterComparison parameters = new ParameterComparison();
    public final ComparePane compare;
    public final Button captureFeatures = new Button("Capture from the network");
    public final Label inspectorStatus = new Label();
    public final Button openImage = new Button("Open image\u2026");
    public final TabPane tabs = new TabPane();
    public final Tab trainingTab;
    public final Tab inspectorTab;
    public final Tab featuresTab;
    public final Tab algebraTab;
    public final Tab compareTab;
    /** The panels the guided tour outlines. */
    public final ViewPanel stridePanel;
    public final ViewPanel inspectorPanel;
    private final ViewPanel progressPanel;

    /** @param exportChart asked to save a chart as PNG, with a suggested file name */
    public LabViews(BiConsumer<JFreeChart, String> exportChart) {
        loss.viewer().setId("lossChart");
        accuracy.viewer().setId("accuracyChart");
        learningRate.viewer().setId("learningRateChart");
        strideChart.viewer().setId("strideChart");
        masks.setId("maskGallery");
        thumbnails.setId("thumbnails");
        inspector.setId("cropInspector");

        CheckBox lossLog = new CheckBox("log scale");
        lossLog.setId("lossLogScale");
        lossLog.selectedProperty().addListener((o, a, b) -> {
            loss.setLogScale(b);
            loss.refreshNow();
        });
        Slider smoothing = new Slider(0, 0.99, loss.smoothing());
        smoothing.setPrefWidth(90);
        smoothing.setTooltip(new Tooltip("smoothing of the bold lines (0 = none)"));
        smoothing.valueProperty().addListener((o, a, b) -> loss.setSmoothing(b.doubleValue()));
        ViewPanel lossPanel = new ViewPanel("Training loss", "loss", loss.viewer())
                .withTool(new Label("smoothing")).withTool(smoothing).withTool(lossLog)
                .withTool(ChartButtons.png(loss, "loss", exportChart));
        ViewPanel accuracyPanel = new ViewPanel("Validation accuracy", "accuracy", accuracy.viewer())
                .withTool(ChartButtons.png(accuracy, "validation-accuracy", exportChart));
        CheckBox lrLog = new CheckBox("log scale");
        lrLog.selectedProperty().addListener((o, a, b) -> {
            learningRate.setLogScale(b);
            learningRate.refreshNow();
        });
        ViewPanel lrPanel = new ViewPanel("Learning rate", "learningRate", learningRate.viewer())
                .withTool(lrLog).withTool(ChartButtons.png(learningRate, "learning-rate", exportChart));
        VBox strideBox = new VBox(6, strideChart.viewer(), strideTable);
        VBox.setVgrow(strideChart.viewer(), Priority.ALWAYS);
        stridePanel = new ViewPanel("Learned strides", "strides", strideBox)
                .withTool(ChartButtons.png(strideChart, "strides", exportChart));
        Label maskKey = new Label("rows: frequency \u2212H/2 \u2026 +H/2, 0 in the middle   \u00b7   columns: 0 \u2026 W/2"
                + "   \u00b7   yellow = kept, dark = removed, cyan box = the crop");
        maskKey.getStyleClass().add("muted");
        maskKey.setWrapText(true);
        VBox maskBox = new VBox(4, masks, maskKey);
        VBox.setVgrow(masks, Priority.ALWAYS);
        ViewPanel maskPanel = new ViewPanel("Frequency-domain masks", "masks", maskBox);

        SplitPane rightCurves = new SplitPane(accuracyPanel, lrPanel);
        rightCurves.setOrientation(Orientation.VERTICAL);
        SplitPane curves = new SplitPane(lossPanel, rightCurves);
        curves.setDividerPositions(0.58);
        SplitPane spectral = new SplitPane(stridePanel, maskPanel);
        spectral.setDividerPositions(0.42);
        SplitPane training = new SplitPane(curves, spectral);
        training.setOrientation(Orientation.VERTICAL);
        training.setDividerPositions(0.55);
        trainingTab = new Tab("Training", training);

        inspectorStatus.getStyleClass().add("muted");
        inspectorStatus.setWrapText(true);
        inspectorStatus.setId("inspectorStatus");
        openImage.setId("openImage");
        openImage.setTooltip(new Tooltip("Any PNG or JPEG; or drop a file on the window"));
        VBox browser = new VBox(6, thumbnails, inspectorStatus);
        VBox.setVgrow(thumbnails, Priority.ALWAYS);
        ViewPanel browserPanel = new ViewPanel("Test images", "inspector", browser).withTool(openImage);
        browserPanel.setMinWidth(470);
        browserPanel.setPrefWidth(470);
        inspectorPanel = new ViewPanel("Spectral crop inspector", "inspector", inspector);
        HBox inspect = new HBox(12, browserPanel, inspectorPanel);
        HBox.setHgrow(inspectorPanel, Priority.ALWAYS);
        inspect.setPadding(new Insets(6));
        inspectorTab = new Tab("Crop inspector", inspect);

        captureFeatures.setId("captureFeatures");
        captureFeatures.setTooltip(new Tooltip("Run the inspector's image through the current network "
                + "(between two training steps) and show its activations"));
        ViewPanel featurePanel = new ViewPanel("Feature maps", "features", featureMaps).withTool(captureFeatures);
        featurePanel.setPadding(new Insets(6));
        featuresTab = new Tab("Feature maps", featurePanel);

        ViewPanel algebraPanel = new ViewPanel("How each layer learned its own algebra (PHC)", "algebra", algebra);
        algebraPanel.setPadding(new Insets(6));
        algebraTab = new Tab("PHC algebra", algebraPanel);

        compare = new ComparePane(exportChart);
        compareTab = new Tab("Compare", compare);

        for (Tab t : new Tab[] {trainingTab, inspectorTab, featuresTab, algebraTab, compareTab}) {
            t.setClosable(false);
        }
        tabs.getTabs().setAll(trainingTab, inspectorTab, featuresTab, algebraTab, compareTab);
        tabs.setId("labTabs");
        progressPanel = new ViewPanel("Progress and cost", "progress", new VBox(6, progress, parameters));
    }

    /** The progress view in its panel (it lives in the left column, under the controls). */
    public Node progressPanel() {
        return progressPanel;
    }

    /** Redraws whatever changed; once per frame. */
    public void refresh(long nowNanos) {
        loss.refresh(nowNanos);
        accuracy.refresh(nowNanos);
        learningRate.refresh(nowNanos);
        strideChart.refresh(nowNanos);
    }

    /** Selects a tab by a short name (training, inspector, features, algebra, compare); unknown names are ignored. */
    public void select(String tab) {
        if (tab == null) {
            return;
        }
        switch (tab) {
            case "inspector" -> tabs.getSelectionModel().select(inspectorTab);
            case "features" -> tabs.getSelectionModel().select(featuresTab);
            case "training" -> tabs.getSelectionModel().select(trainingTab);
            case "algebra" -> tabs.getSelectionModel().select(algebraTab);
            case "compare" -> tabs.getSelectionModel().select(compareTab);
            default -> { }
        }
    }

}
