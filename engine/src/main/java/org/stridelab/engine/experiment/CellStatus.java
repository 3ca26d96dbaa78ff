package org.stridelab.engine.experiment;

/** Where a cell stands, judged only from the files in its folder (so it works on merged folders). */
public enum CellStatus {
    /** No folder yet (or one without config.json). */
    NOT_STARTED,
    /** Started, not finished: training here or on another machine, or stopped and waiting to be resumed. */
    RUNNING,
    /** The last attempt failed; failed.txt in the folder says why. Running the grid again retries it. */
    FAILED,
    /** summary.json is present. */
    FINISHED;

    /** How tables show a cell in this state that has no result: a dash for none yet, else the state in words. */
    public String text() {
        return this == NOT_STARTED ? "—" : name().toLowerCase(java.util.Locale.ROOT);
    }
}
