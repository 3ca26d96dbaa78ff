package org.stridelab.visualisations.phc;

/**
 * The algebra a quaternion convolution uses, written the way PHC writes its
 * own: four 4x4 matrices A_r, A_i, A_j, A_k with W = Σ A_c ⊗ F_c. They come
 * from the Hamilton product and never change; each is a signed permutation
 * (one ±1 per row and column). Shown next to a learned n = 4 algebra, they
 * are the reference that makes "PHC learns its own algebra" visible.
 */
public final class QuaternionAlgebra {
    /** Names of the four components, in matrix order. */
    public static final String[] COMPONENTS = {"r", "i", "j", "k"};

    private QuaternionAlgebra() {
    }

    /**
     * {@code [c][a][b]}: the sign with which component c of the filter lands in block (a, b) of the weight,
     * for the quaternion weight matrix
     * <pre>
     *   r -i -j -k
     *   i  r -k  j
     *   j  k  r -i
     *   k -j  i  r
     * </pre>
     */
    public static float[][][] matrices() {
        String[][] layout = {
            {"r", "-i", "-j", "-k"},
            {"i", "r", "-k", "j"},
            {"j", "k", "r", "-i"},
            {"k", "-j", "i", "r"}};
        float[][][] m = new float[4][4][4];
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                String entry = layout[a][b];
                boolean negative = entry.startsWith("-");
                String component = negative ? entry.substring(1) : entry;
                for (int c = 0; c < 4; c++) {
                    if (COMPONENTS[c].equals(component)) {
                        m[c][a][b] = negative ? -1 : 1;
                    }
                }
            }
        }
        return m;
    }
}
