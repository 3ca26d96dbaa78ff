package org.stridelab.visualisations.phc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuaternionAlgebraTest {
    private final float[][][] q = QuaternionAlgebra.matrices();

    @Test
    void everyMatrixIsASignedPermutationAndTheRealPartIsTheIdentity() {
        for (float[][] m : q) {
            for (int a = 0; a < 4; a++) {
                int inRow = 0;
                int inColumn = 0;
                for (int b = 0; b < 4; b++) {
                    inRow += Math.abs(m[a][b]) == 1 ? 1 : 0;
                    inColumn += Math.abs(m[b][a]) == 1 ? 1 : 0;
                    float v = m[a][b];
                    assertTrue(v == 0 || v == 1 || v == -1, "entries are 0 or \u00b11, got " + v);
                }
                assertEquals(1, inRow);
                assertEquals(1, inColumn);
            }
        }
        assertArrayEquals(identity(), q[0]);
    }

    @Test
    void theMatricesMultiplyLikeHamiltonsUnits() {
        float[][] minusOne = scale(identity(), -1);
        for (int c = 1; c < 4; c++) {
            assertArrayEquals(minusOne, times(q[c], q[c]), "unit " + QuaternionAlgebra.COMPONENTS[c] + " squared");
        }
        assertArrayEquals(q[3], times(q[1], q[2]), "i j = k");
        assertArrayEquals(q[1], times(q[2], q[3]), "j k = i");
        assertArrayEquals(q[2], times(q[3], q[1]), "k i = j");
        assertArrayEquals(scale(q[3], -1), times(q[2], q[1]), "j i = -k: not commutative");
    }

    private static float[][] times(float[][] x, float[][] y) {
        float[][] out = new float[4][4];
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                for (int m = 0; m < 4; m++) {
                    out[a][b] += x[a][m] * y[m][b];
                }
            }
        }
        return out;
    }

    private static float[][] identity() {
        float[][] id = new float[4][4];
        for (int a = 0; a < 4; a++) {
            id[a][a] = 1;
        }
        return id;
    }

    private static float[][] scale(float[][] x, float f) {
        float[][] out = new float[4][4];
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                out[a][b] = x[a][b] * f + 0f; // + 0f: no -0.0, which assertArrayEquals tells from 0.0
            }
        }
        return out;
    }
}
