package org.stridelab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchLoaderTest {

    /** Images whose red plane is constant: the value (and the label) identify the image after any crop. */
    private static LabeledImages identifiable(int n) {
        byte[] pixels = new byte[n * LabeledImages.IMAGE_BYTES];
        byte[] labels = new byte[n];
        Random rng = new Random(n);
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i % 10);
            Arrays.fill(pixels, i * 3072, i * 3072 + 1024, (byte) (i + 1));
            byte[] rest = new byte[2048];
            rng.nextBytes(rest);
            System.arraycopy(rest, 0, pixels, i * 3072 + 1024, 2048);
        }
        return new LabeledImages(pixels, labels, CifarTestFiles.NAMES);
    }

    /** The image id of batch row k: the red value at the centre, which no 4-pixel crop can move off the image. */
    private static int id(Batch b, int k) {
        float v = b.images()[k * 3072 + 16 * 32 + 16];
        return Math.round((v * Normalization.STD[0] + Normalization.MEAN[0]) * 255) - 1;
    }

    private static List<Batch> all(BatchLoader loader) {
        List<Batch> batches = new ArrayList<>();
        while (loader.hasNext()) {
            batches.add(loader.next());
        }
        return batches;
    }

    private static List<Batch> epoch(LabeledImages data, long seed, int epoch, int startBatch, double alpha) {
        try (BatchLoader loader = new BatchLoader(data, 16, true, alpha, seed, epoch, startBatch, 3)) {
            return all(loader);
        }
    }

    @Test
    void trainingOrderIsAFixedPermutationPerEpochWithoutTheIncompleteBatch() {
        LabeledImages data = identifiable(100);

        List<Batch> a = epoch(data, 5, 0, 0, 0);
        List<Batch> b = epoch(data, 5, 0, 0, 0);
        List<Batch> other = epoch(data, 5, 1, 0, 0);

        assertEquals(6, a.size()); // 100 / 16, the last 4 images dropped
        assertEquals(6, BatchLoader.batchesPerEpoch(100, 16, true));
        List<Integer> idsA = ids(a);
        assertEquals(96, idsA.size());
        assertEquals(96, idsA.stream().distinct().count(), "no image twice in an epoch");
        assertEquals(idsA, ids(b));
        for (int k = 0; k < a.size(); k++) {
            assertArrayEquals(a.get(k).images(), b.get(k).images(), "batch " + k + " is reproducible");
        }
        assertFalse(idsA.equals(ids(other)), "another epoch has another order");
        for (Batch batch : a) {
            for (int k = 0; k < batch.size(); k++) {
                assertEquals(id(batch, k) % 10, batch.labels()[k]);
            }
        }
    }

    @Test
    void startingAtBatchKGivesTheBatchesAnUninterruptedRunSees() {
        LabeledImages data = identifiable(100);
        List<Batch> full = epoch(data, 9, 2, 0, 0.4);
        List<Batch> resumed = epoch(data, 9, 2, 4, 0.4);

        assertEquals(full.size() - 4, resumed.size());
        for (int k = 0; k < resumed.size(); k++) {
            assertArrayEquals(full.get(k + 4).images(), resumed.get(k).images());
            assertArrayEquals(full.get(k + 4).targets(), resumed.get(k).targets());
            assertArrayEquals(full.get(k + 4).labels(), resumed.get(k).labels());
        }
    }

    @Test
    void evaluationSeesEveryImageOnceInOrder() {
        LabeledImages data = identifiable(37);
        try (BatchLoader loader = new BatchLoader(data, 10, false, 0.5, 1, 0, 0, 2)) {
            assertEquals(4, loader.batchesPerEpoch());
            List<Batch> batches = all(loader);
            assertEquals(List.of(10, 10, 10, 7), batches.stream().map(Batch::size).toList());
            List<Integer> ids = ids(batches);
            for (int i = 0; i < 37; i++) {
                assertEquals(i, ids.get(i));
            }
            Batch expected = Augmenter.evaluationBatch(data, new int[] {30, 31, 32, 33, 34, 35, 36});
            assertArrayEquals(expected.images(), batches.get(3).images());
            assertArrayEquals(expected.targets(), batches.get(3).targets(), "no mixup in evaluation");
            assertThrows(NoSuchElementException.class, loader::next);
        }
    }

    @Test
    void closeStopsTheWorkerPromptly() throws InterruptedException {
        LabeledImages data = identifiable(200);
        BatchLoader loader = new BatchLoader(data, 8, true, 0, 1, 0, 0, 1);
        loader.next();
        Thread.sleep(50); // the worker fills the queue and blocks
        assertTrue(loader.worker().isDaemon());

        long start = System.nanoTime();
        loader.close();

        assertFalse(loader.worker().isAlive());
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "close took too long");
        assertFalse(loader.hasNext());
        assertThrows(NoSuchElementException.class, loader::next);
        loader.close(); // twice is fine
    }

    @Test
    void aWorkerFailureSurfacesOnNext() {
        LabeledImages data = identifiable(30);
        data.labels()[25] = (byte) 200; // corrupted after validation: building batch 2 fails on the worker
        try (BatchLoader loader = new BatchLoader(data, 10, false, 0, 1, 0, 0, 1)) {
            loader.next();
            loader.next();
            assertThrows(ArrayIndexOutOfBoundsException.class, loader::next);
        }
    }

    private static List<Integer> ids(List<Batch> batches) {
        List<Integer> ids = new ArrayList<>();
        for (Batch b : batches) {
            for (int k = 0; k < b.size(); k++) {
                ids.add(id(b, k));
            }
        }
        return ids;
    }
}
