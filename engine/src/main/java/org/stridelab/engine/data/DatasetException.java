package org.stridelab.engine.data;

/**
 * A dataset is missing, corrupt, unreachable or not what it claims to be.
 *
 * <p>The message is written for the person at the keyboard: it says what is wrong
 * and what to do about it, so the command line and the app can show it as it is,
 * without a stack trace.
 */
public class DatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
