package org.stridelab.app.compare;

import java.util.function.BiConsumer;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.stridelab.app.export.ChartButtons;
import org.stridelab.visualisations.charts.AccuracyChart;
import org.stridelab.visualisations.charts.LossChart;
import org.stridelab.visualisations.compare.GridTableView;
import org.stridelab.visualisations.layout.ViewPanel;
import org.stridelab.visualisations.strides.StrideHistoryChart;

/**
 * The Compare tab's layout: the runs and grids on the left, the ticked
 * runs' curves top right (the same chart views as the Training tab), the
 * chosen grid's table below them. No logic: {@link CompareController} fills it.
 */
public final class ComparePane extends SplitPane {
    public final TreeView<ExperimentItem> tree = new TreeView<>(new TreeItem<>());
    public final Button addFolder = new Button("Add folder\u2026");
    public final Button refresh = new Button("Refresh");
    public final CheckBox autoRefresh = new CheckBox("every 10 s");
    public final Label status = new Label();
    public final LossChart loss = new LossChart();
    public final AccuracyChart accuracy = new AccuracyChart();
    public final StrideHistoryChart strides = new StrideHistoryChart();
    public final ComboBox<String> strideLayer = new ComboBox<>();
    public final GridTableView table = new GridTableView();

    public ComparePane(BiConsumer<JFreeChart, String> exportChart) {
        setId("comparePane");
        tree.setId("compareTree");
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new ExperimentCell());
        addFolder.setId("compareAddFolder");
        addFolder.setTooltip(new Tooltip("Add a folder of runs or grids, a grid folder or a run folder "
                + "(or drop folders on this list)"));
        refresh.setId("compareRefresh");
        refresh.setTooltip(new Tooltip("Read the folders again: grids running from the command line fill up"));
        autoRefresh.setId("compareAutoRefresh");
        autoRefresh.setTooltip(new Tooltip("Refresh every 10 seconds while this tab is shown"));
        status.setId("compareStatus");
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        HBox buttons = new HBox(6, addFolder, refresh, autoRefresh);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label("Tick runs or grid cells to overlay their curves; choose a grid for its table.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        VBox list = new VBox(6, buttons, hint, tree, status);
        VBox.setVgrow(tree, Priority.ALWAYS);
        ViewPanel listPanel = new ViewPanel("Runs and grids", "compare", list);
        listPanel.setMinWidth(260);

        loss.viewer().setId("compareLossChart");
        accuracy.viewer().setId("compareAccuracyChart");
        strides.viewer().setId("compareStrideChart");
        loss.setNoDataMessage("Tick runs on the left to overlay their training loss.");
        accuracy.setNoDataMessage("Tick runs on the left to compare their validation accuracy.");
        strides.setNoDataMessage("Tick spectral or DiffStride runs to compare how their strides moved.");
        strideLayer.setId("compareStrideLayer");
        strideLayer.setTooltip(new Tooltip("The layer whose strides are compared (Sh solid, Sw dashed)"));
        strideLayer.setPromptText("layer");
        strideLayer.setPrefWidth(96);
        strideLayer.setMinWidth(80);
        ViewPanel lossPanel = new ViewPanel("Training loss", "compareLoss", loss.viewer())
                .withTool(ChartButtons.png(loss, "compare-loss", exportChart));
        ViewPanel accuracyPanel = new ViewPanel("Validation accuracy", "compareAccuracy", accuracy.viewer())
                .withTool(ChartButtons.png(accuracy, "compare-validation-accuracy", exportChart));
        ViewPanel stridePanel = new ViewPanel("Strides", "compareStrides", strides.viewer())
                .withTool(strideLayer)
                .withTool(ChartButtons.png(strides, "compare-strides", exportChart));
        SplitPane curves = new SplitPane(lossPanel, accuracyPanel, stridePanel);
        curves.setDividerPositions(0.34, 0.64);

        ScrollPane tableScroll = new ScrollPane(table);
        tableScroll.setFitToWidth(true);
        ViewPanel tablePanel = new ViewPanel("Grid results", "gridTable", tableScroll);
        SplitPane right = new SplitPane(curves, tablePanel);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.45);

        getItems().setAll(listPanel, right);
        setDividerPositions(0.24);
    }
}
