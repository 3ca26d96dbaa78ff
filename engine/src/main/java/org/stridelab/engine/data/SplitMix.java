package org.stridelab.engine.data;

/**
 * A tiny, fast random generator (SplitMix64) whose output is fixed by its
 * algorithm, not by a JDK version: the generated dataset must be byte-identical
 * on every machine and every Java release for a given seed.
 */
final class SplitMix {

    private long state;

    SplitMix(long seed) {
        this.state = seed;
    }

    long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return Seeds.finalise(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [from, to). */
    double uniform(double from, double to) {
        return from + (to - from) * nextDouble();
    }

    /** Uniform in 0..bound-1. */
    int nextInt(int bound) {
        return (int) ((nextLong() >>> 1) % bound);
    }

    /** Uniform in from..to inclusive. */
    int nextInt(int from, int to) {
        return from + nextInt(to - from + 1);
    }

    boolean nextBoolean() {
        return nextLong() < 0;
    }
}
