package org.stridelab.engine.data;

/**
 * A download stopped because the user cancelled it (a cancel flag or a thread
 * interrupt). The partial file is kept, so the next download resumes from it.
 */
public final class DownloadCancelledException extends DatasetException {

    private static final long serialVersionUID = 1L;

    public DownloadCancelledException(String message) {
        super(message);
    }
}
