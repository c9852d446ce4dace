package org.gongzhang.service.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A public page under {@code connections} concurrent connections: that many platform threads, each
 * sending GET after GET over HTTP/1.1 keep-alive through one shared client (which opens a
 * connection per concurrent request), until {@code requests} were sent or {@code seconds} passed.
 * The latency of each answered request is kept; anything but 200 counts as a failure.
 */
final class PortalLoad {

    record Result(Latencies latencies, double perSecond, double seconds) {
    }

    private PortalLoad() {
    }

    static Result run(int port, String path, int connections, int requests, double seconds) throws Exception {
        ExecutorService clientThreads = Executors.newFixedThreadPool(4);
        ExecutorService callers = Executors.newFixedThreadPool(connections);
        try {
            Http http = new Http(port, clientThreads);
            for (int i = 0; i < 20; i++) {
                http.get(path);
            }
            long[] nanos = new long[requests];
            AtomicInteger issued = new AtomicInteger();
            AtomicInteger answered = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            long start = System.nanoTime();
            long deadline = start + (long) (seconds * 1e9);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                done.add(callers.submit(() -> {
                    while (System.nanoTime() < deadline && issued.getAndIncrement() < requests) {
                        Http.Timed answer = http.get(path);
                        if (answer.status() == 200) {
                            nanos[answered.getAndIncrement()] = answer.nanos();
                        } else if (failed.getAndIncrement() == 0) {
                            System.out.println("   first failure of " + path + ": " + answer.status() + " "
                                    + Http.abbreviate(answer.body()));
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            int count = answered.get();
            return new Result(Latencies.of(nanos, count, failed.get()), count / elapsed, elapsed);
        } finally {
            callers.shutdownNow();
            clientThreads.shutdownNow();
        }
    }
}
