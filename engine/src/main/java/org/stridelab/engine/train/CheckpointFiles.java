package org.stridelab.engine.train;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the trainer keeps its checkpoints: the run folder implements it (the
 * trainer saves through this interface and knows nothing else of the folder's
 * layout, so training sits below the run files in the package layers).
 */
public interface CheckpointFiles {
    /** The latest complete training state (written atomically). */
    Path checkpoint();

    /** The weights with the best validation accuracy so far. */
    Path best();

    /** The live changes of hyper-parameters (see {@link ChangeLog}). */
    Path changes();

    default boolean hasCheckpoint() {
        return Files.isRegularFile(checkpoint());
    }
}
