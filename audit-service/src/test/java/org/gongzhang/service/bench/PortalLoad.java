package org.gongzhang.service.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A public page under {@code connections} concurrent connections: that many platform threads, each
 * with a keep-alive connection of its own ({@link KeepAlive}), sending GET after GET until
 * {@code requests} were sent or {@code seconds} passed. The latency of each answered request is
 * kept; anything but 200 counts as a failure. The threads' CPU time is measured too: the load
 * generator shares the machine with the service it measures.
 */
final class PortalLoad {

    /** The latencies, the rate, how long it ran and the load generator's own CPU time per request in µs. */
    record Result(Latencies latencies, double perSecond, double seconds, double clientMicrosPerRequest) {
    }

    private PortalLoad() {
    }

    /**
     * Opens {@code connections} connections, sends GETs of {@code path} on all of them for
     * {@code warmupSeconds} (not measured: the JIT compiles the serving path, Tomcat starts its
     * threads), then calls {@code measuring} and measures up to {@code requests} GETs or
     * {@code seconds}, whichever ends first.
     */
    static Result run(int port, String path, int connections, double warmupSeconds, int requests, double seconds,
            Runnable measuring) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(connections);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try {
            try (KeepAlive first = new KeepAlive(port, path, "zh-CN")) {
                int status = first.get();
                if (status != 200) {
                    throw new IllegalStateException("GET " + path + ": " + status);
                }
            }
            long[] nanos = new long[requests];
            AtomicInteger issued = new AtomicInteger();
            AtomicInteger answered = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            AtomicLong cpu = new AtomicLong();
            CountDownLatch ready = new CountDownLatch(connections);
            CountDownLatch warm = new CountDownLatch(1);
            CountDownLatch warmed = new CountDownLatch(connections);
            CountDownLatch measure = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            // [0] end of the warm-up, [1] start and [2] end of the measured window: written before
            // the latch that releases the threads, so each thread sees them
            long[] window = new long[3];
            for (int c = 0; c < connections; c++) {
                done.add(callers.submit(() -> {
                    try (KeepAlive connection = new KeepAlive(port, path, "zh-CN")) {
                        ready.countDown();
                        warm.await();
                        while (System.nanoTime() < window[0]) {
                            connection.get();
                        }
                        warmed.countDown();
                        measure.await();
                        long deadline = window[2];
                        long cpuStart = threads.getCurrentThreadCpuTime();
                        while (System.nanoTime() < deadline && issued.getAndIncrement() < requests) {
                            long start = System.nanoTime();
                            int status = connection.get();
                            long took = System.nanoTime() - start;
                            if (status == 200) {
                                nanos[answered.getAndIncrement()] = took;
                            } else if (failed.getAndIncrement() == 0) {
                                System.out.println("   first failure of " + path + ": " + status);
                            }
                        }
                        cpu.addAndGet(threads.getCurrentThreadCpuTime() - cpuStart);
                    }
                    return null;
                }));
            }
            ready.await();
            window[0] = System.nanoTime() + (long) (warmupSeconds * 1e9);
            warm.countDown();
            warmed.await();
            measuring.run();
            window[1] = System.nanoTime();
            window[2] = window[1] + (long) (seconds * 1e9);
            measure.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            double elapsed = (System.nanoTime() - window[1]) / 1e9;
            int count = answered.get();
            return new Result(Latencies.of(nanos, count, failed.get()), count / elapsed, elapsed,
                    count == 0 ? Double.NaN : cpu.get() / 1e3 / count);
        } finally {
            callers.shutdownNow();
        }
    }
}
