package org.stridelab.engine.data;

/**
 * Derives independent seeds from (run seed, epoch, batch, ...) tuples.
 *
 * <p>Seeding a {@code Random} with {@code seed + epoch} would make neighbouring
 * runs share streams; mixing every part through SplitMix64's finaliser gives
 * unrelated seeds for unrelated tuples, and the same seed for the same tuple on
 * every machine.
 */
final class Seeds {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    static long mix(long... parts) {
        long h = 0x5EED_57D1_DE1A_B000L;
        for (long part : parts) {
            h = finalise(h + GOLDEN + finalise(part + GOLDEN));
        }
        return h;
    }

    /** SplitMix64's output function: a bijection that scrambles every bit. */
    static long finalise(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
