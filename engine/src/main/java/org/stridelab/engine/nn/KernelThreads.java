package org.stridelab.engine.nn;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fans the tasks of one Java kernel call out over the cores: the calling thread
 * and a few helper threads claim task indices from one counter until none are
 * left, then the caller waits for the tasks a helper had already claimed.
 *
 * <p>Why not a fork-join pool and a parallel stream: nested parallel streams in a
 * custom pool whose idle workers time out can lose a wake-up on JDK 17 and park
 * every thread for good (a test run and a training run froze that way in
 * {@code BatchNorm.backward}). Here no task waits on a helper waking up: a
 * helper that never starts leaves its share to the caller, which claims every
 * unclaimed task itself. The caller only ever waits for a task that a running
 * helper has claimed, so progress needs nothing but the threads already at work.
 * Helpers are daemon threads of a plain {@link ThreadPoolExecutor} that exit
 * after idling for the keep-alive and are made again on the next call.
 */
final class KernelThreads {
    /** The engine's kernels share these: one helper per core besides the caller. */
    static final KernelThreads SHARED = new KernelThreads(
            Math.max(0, Runtime.getRuntime().availableProcessors() - 1), Duration.ofSeconds(30));

    /** The body of a fanned-out loop: runs task {@code index} of the call. */
    @FunctionalInterface
    interface Task {
        void run(int index);
    }

    private final int helperCount;
    private final ThreadPoolExecutor helpers;

    /**
     * @param helperCount threads besides the caller (0: every call runs on its caller)
     * @param keepAlive   how long an idle helper lives before it exits
     */
    KernelThreads(int helperCount, Duration keepAlive) {
        this.helperCount = helperCount;
        if (helperCount == 0) {
            this.helpers = null;
            return;
        }
        AtomicInteger made = new AtomicInteger();
        ThreadFactory daemons = r -> {
            Thread t = new Thread(r, "stridelab-kernel-" + made.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.helpers = new ThreadPoolExecutor(helperCount, helperCount, keepAlive.toNanos(), TimeUnit.NANOSECONDS,
                new LinkedBlockingQueue<>(), daemons);
        this.helpers.allowCoreThreadTimeOut(true);
    }

    /** The number of threads a call can use, its caller included. */
    int parallelism() {
        return helperCount + 1;
    }

    /**
     * Runs tasks {@code 0 .. tasks-1}, each exactly once, and returns when all have
     * ended; an exception thrown by a task is rethrown here after the others end.
     */
    void run(int tasks, Task body) {
        if (tasks <= 0) {
            return;
        }
        if (tasks == 1 || helpers == null) {
            for (int i = 0; i < tasks; i++) {
                body.run(i);
            }
            return;
        }
        Call call = new Call(tasks, body);
        int wanted = Math.min(helperCount, tasks - 1);
        for (int i = 0; i < wanted; i++) {
            try {
                helpers.execute(call::work);
            } catch (RejectedExecutionException | OutOfMemoryError noHelper) {
                break; // no (new) helper thread: the caller claims that share too
            }
        }
        call.work();
        call.awaitClaimedTasks();
        call.rethrow();
    }

    /** One call's tasks: a claim counter, a count of unfinished tasks, the first failure. */
    private static final class Call {
        private final int tasks;
        private final Task body;
        private final AtomicInteger nextTask = new AtomicInteger();
        private final CountDownLatch unfinished;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Call(int tasks, Task body) {
            this.tasks = tasks;
            this.body = body;
            this.unfinished = new CountDownLatch(tasks);
        }

        /** Claims and runs tasks until none are left unclaimed. */
        void work() {
            for (int i; (i = nextTask.getAndIncrement()) < tasks; ) {
                try {
                    if (failure.get() == null) {
                        body.run(i);
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    unfinished.countDown();
                }
            }
        }

        /**
         * Every task is claimed by now; waits for those still running on helpers.
         * An interrupt does not cut the wait short (the helpers are writing into the
         * caller's arrays) but is kept for the caller to see.
         */
        void awaitClaimedTasks() {
            boolean interrupted = false;
            while (true) {
                try {
                    unfinished.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        void rethrow() {
            Throwable t = failure.get();
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }
    }
}
