package org.stridelab.engine.config;

/**
 * One thing wrong with a {@link RunConfig}: the setting it is about (the
 * record component's name, as in config.json, e.g. {@code learningRate}) and
 * the reason in words a user can act on.
 */
public record ConfigProblem(String field, String message) {
}
