/**
 * Experiment grids: the comparison tables of the DiffStride paper, reproduced
 * as many ordinary runs.
 *
 * <p>A grid is a {@link org.stridelab.engine.experiment.GridSpec} (saved as
 * {@code grid.json}): methods x stride initialisations x batch sizes x mixup x
 * PHC order x seeds, over one shared {@link org.stridelab.engine.experiment.TrainingProtocol}.
 * Every {@link org.stridelab.engine.experiment.GridCell} is an ordinary run
 * folder, named from its coordinates, inside the grid folder
 * ({@link org.stridelab.engine.experiment.GridFolder}), so {@code stridelab
 * evaluate}, {@code train --resume} and the app open any cell.
 *
 * <p>Data flows one way: {@link org.stridelab.engine.experiment.GridRunner}
 * writes cell folders; {@link org.stridelab.engine.experiment.GridResults}
 * reads them back (only from files, so merged and half-finished grids work);
 * {@link org.stridelab.engine.experiment.GridTable} aggregates them;
 * {@link org.stridelab.engine.experiment.GridReport} writes report.md,
 * report.csv, runs.csv and the PNG charts.
 */
package org.stridelab.engine.experiment;
