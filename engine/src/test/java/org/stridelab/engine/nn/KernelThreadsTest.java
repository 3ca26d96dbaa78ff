package org.stridelab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class KernelThreadsTest {

    /**
     * The pattern that froze a training run on the old ForkJoinPool: many short
     * fan-outs, idle gaps longer than the helpers' keep-alive (so helpers keep
     * exiting and being made again), from several calling threads at once. Every
     * task must run exactly once, and the whole must end within the bound.
     */
    @Test
    void thousandsOfCallsWithIdleGapsLongerThanTheKeepAliveNeverHang() {
        KernelThreads threads = new KernelThreads(3, Duration.ofMillis(1));
        int callers = 4;
        int callsPerCaller = 1500;
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            try {
                List<Future<Integer>> done = new ArrayList<>();
                for (int c = 0; c < callers; c++) {
                    long seed = c;
                    done.add(pool.submit(() -> {
                        SplittableRandom random = new SplittableRandom(seed);
                        int calls = 0;
                        for (int i = 0; i < callsPerCaller; i++) {
                            int tasks = 1 + random.nextInt(16);
                            AtomicIntegerArray ran = new AtomicIntegerArray(tasks);
                            threads.run(tasks, t -> ran.incrementAndGet(t));
                            for (int t = 0; t < tasks; t++) {
                                assertEquals(1, ran.get(t), "task " + t + " of " + tasks + " ran once");
                            }
                            if (random.nextInt(4) == 0) {
                                Thread.sleep(2); // longer than the keep-alive: the helpers exit
                            }
                            calls++;
                        }
                        return calls;
                    }));
                }
                for (Future<Integer> f : done) {
                    assertEquals(callsPerCaller, f.get());
                }
            } finally {
                pool.shutdownNow();
            }
        });
    }

    @Test
    void aFailingTaskIsRethrownOnTheCallerAfterTheOthersEnd() {
        KernelThreads threads = new KernelThreads(2, Duration.ofSeconds(1));
        IllegalStateException boom = new IllegalStateException("task 3 failed");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> threads.run(8, t -> {
            if (t == 3) {
                throw boom;
            }
        }));
        assertSame(boom, thrown);
        AtomicIntegerArray ran = new AtomicIntegerArray(8);
        threads.run(8, ran::incrementAndGet);
        for (int t = 0; t < 8; t++) {
            assertEquals(1, ran.get(t), "the threads still work after a failure");
        }
    }

    @Test
    void withoutHelpersEverythingRunsOnTheCaller() {
        KernelThreads threads = new KernelThreads(0, Duration.ofSeconds(1));
        Thread caller = Thread.currentThread();
        List<Thread> ranOn = new ArrayList<>();
        threads.run(5, t -> ranOn.add(Thread.currentThread()));
        assertEquals(5, ranOn.size());
        assertTrue(ranOn.stream().allMatch(t -> t == caller));
    }

    /** The real kernels, called from several threads at once, give each caller its own exact sums. */
    @Test
    void batchNormMomentsFromSeveralThreadsAtOnceAreExact() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int c = 0; c < 3; c++) {
                    int channels = 8 << c;
                    done.add(pool.submit(() -> {
                        INDArray x = Nd4j.rand(DataType.FLOAT, 16, 8, 8, channels);
                        double[] expected = x.sum(0, 1, 2).castTo(DataType.DOUBLE).toDoubleVector();
                        for (int i = 0; i < 300; i++) {
                            double[] sums = new double[channels];
                            double[] squares = new double[channels];
                            ChannelKernels.moments(x, sums, squares);
                            for (int ch = 0; ch < channels; ch++) {
                                assertEquals(expected[ch], sums[ch], 1e-3 * Math.abs(expected[ch]) + 1e-3);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
        });
    }
}
