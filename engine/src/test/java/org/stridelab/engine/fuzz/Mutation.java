package org.stridelab.engine.fuzz;

import java.util.Arrays;
import java.util.SplittableRandom;

/** The ways a file gets damaged: cut short, bits flipped, bytes inserted or deleted, the wrong size. */
public enum Mutation {
    TRUNCATION {
        @Override
        byte[] apply(byte[] good, SplittableRandom r) {
            return Arrays.copyOf(good, r.nextInt(good.length)); // from empty to one byte short
        }
    },
    BIT_FLIPS {
        @Override
        byte[] apply(byte[] good, SplittableRandom r) {
            byte[] b = good.clone();
            int flips = 1 + r.nextInt(8);
            for (int i = 0; i < flips; i++) {
                int at = r.nextInt(b.length);
                b[at] ^= (byte) (1 << r.nextInt(8));
            }
            return b;
        }
    },
    INSERTED_BYTES {
        @Override
        byte[] apply(byte[] good, SplittableRandom r) {
            int at = r.nextInt(good.length + 1);
            byte[] extra = new byte[1 + r.nextInt(64)];
            r.nextBytes(extra);
            byte[] b = new byte[good.length + extra.length];
            System.arraycopy(good, 0, b, 0, at);
            System.arraycopy(extra, 0, b, at, extra.length);
            System.arraycopy(good, at, b, at + extra.length, good.length - at);
            return b;
        }
    },
    DELETED_BYTES {
        @Override
        byte[] apply(byte[] good, SplittableRandom r) {
            int at = r.nextInt(good.length);
            int count = 1 + r.nextInt(Math.min(64, good.length - at));
            byte[] b = new byte[good.length - count];
            System.arraycopy(good, 0, b, 0, at);
            System.arraycopy(good, at + count, b, at, good.length - at - count);
            return b;
        }
    },
    /** Padded with zeros or random bytes, or doubled: a size no writer produces. */
    WRONG_SIZE {
        @Override
        byte[] apply(byte[] good, SplittableRandom r) {
            switch (r.nextInt(3)) {
                case 0:
                    return Arrays.copyOf(good, good.length + 1 + r.nextInt(4096));
                case 1: {
                    byte[] b = Arrays.copyOf(good, good.length + 1 + r.nextInt(4096));
                    byte[] tail = new byte[b.length - good.length];
                    r.nextBytes(tail);
                    System.arraycopy(tail, 0, b, good.length, tail.length);
                    return b;
                }
                default: {
                    byte[] b = Arrays.copyOf(good, 2 * good.length);
                    System.arraycopy(good, 0, b, good.length, good.length);
                    return b;
                }
            }
        }
    };

    abstract byte[] apply(byte[] good, SplittableRandom r);
}
