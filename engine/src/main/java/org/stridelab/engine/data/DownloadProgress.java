package org.stridelab.engine.data;

/**
 * Receives download progress. Called on the downloading thread, often (every
 * chunk): implementations that draw should coalesce updates themselves.
 */
@FunctionalInterface
public interface DownloadProgress {

    /** Does nothing; for callers that do not show progress. */
    DownloadProgress NONE = (done, total) -> { };

    /**
     * @param bytesDone  bytes of the file that are on disk so far (a resumed
     *                   download starts at the size of the partial file)
     * @param bytesTotal size of the whole file, or -1 if the server did not say
     */
    void update(long bytesDone, long bytesTotal);
}
