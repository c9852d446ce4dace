package org.gongzhang.service.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What reading a whole log costs the service, at a book of {@code entries}: signing a checkpoint
 * over it ({@code POST /api/books/{book}/checkpoints}, which reads and checks every stored entry
 * each time, also when a checkpoint at that size exists), handing out its bundle
 * ({@code GET /api/books/{book}/bundle}, a new one each time: no {@code If-None-Match}), the
 * bundle behind a statement of this month ({@code ?from&to}: the statement computed from the
 * entries) and the service's own audit ({@code GET /api/books/{book}/verify}). For each:
 * the wall time, the bytes the service's threads allocated, and the most heap in use after any
 * garbage collection while it ran, above the heap in use after a full collection just before it
 * (an upper bound of what the operation held at once). The service runs in this JVM; the
 * client discards the body as it arrives. Not a test.
 *
 * <pre>java -Xmx1g -cp "audit-service/target/test-classes:audit-service/target/classes:…" \
 *     org.gongzhang.service.bench.WholeLogBenchmark [entries 100000] [rounds 3]</pre>
 */
public final class WholeLogBenchmark {

    private WholeLogBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = BenchOptions.positional(args, 0, 100_000);
        int rounds = BenchOptions.positional(args, 1, 3);
        try (ConfigurableApplicationContext context = OverviewBenchmark.demoService()) {
            int port = OverviewBenchmark.port(context);
            BookGrowth growth = BookGrowth.open(context, port);
            BookGrowth.Stretch grown = growth.growTo(entries, Long.MAX_VALUE);
            String book = growth.book.id;
            System.out.printf("# %s; max heap %s; book %s grown to %,d entries in %.0f s (%s)%n", Machine.describe(),
                    Machine.megabytes(Runtime.getRuntime().maxMemory()), book, growth.size(), grown.seconds(),
                    growth.path());
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String month = growth.book.today.toString().substring(0, 7);
            String auth = "Bearer " + growth.book.client.as("zhao-min").token();
            System.out.println("| operation | round | wall | allocated | held at most (after GC, above baseline) | bytes out | load average |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (int round = 1; round <= rounds; round++) {
                measure("sign a checkpoint (POST …/checkpoints)", round, () -> {
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/books/"
                            + book + "/checkpoints")).header("Authorization", auth)
                            .POST(HttpRequest.BodyPublishers.noBody()).build();
                    return send(http, request);
                });
                measure("bundle (GET …/bundle)", round, () -> send(http, HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/books/" + book + "/bundle")).GET().build()));
                measure("bundle behind a statement (GET …/bundle?from&to)", round, () -> send(http,
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/books/" + book
                                + "/bundle?from=" + month + "&to=" + month)).GET().build()));
                measure("the service's audit (GET …/verify)", round, () -> send(http, HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/books/" + book + "/verify")).GET().build()));
            }
        }
    }

    private static long send(HttpClient http, HttpRequest request) throws Exception {
        AtomicLong bytes = new AtomicLong();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.fromSubscriber(
                new java.util.concurrent.Flow.Subscriber<List<java.nio.ByteBuffer>>() {
                    @Override
                    public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
                        s.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(List<java.nio.ByteBuffer> buffers) {
                        buffers.forEach(b -> bytes.addAndGet(b.remaining()));
                    }

                    @Override
                    public void onError(Throwable t) {
                    }

                    @Override
                    public void onComplete() {
                    }
                }));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + ": " + response.statusCode());
        }
        return bytes.get();
    }

    private interface Operation {
        long run() throws Exception;
    }

    private static void measure(String name, int round, Operation operation) throws Exception {
        System.gc();
        Thread.sleep(200);
        long baseline = heapUsed();
        PeakAfterGc peak = PeakAfterGc.start();
        long allocatedBefore = allocated();
        long start = System.nanoTime();
        long bytes = operation.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        long allocated = allocated() - allocatedBefore;
        long held = Math.max(0, peak.stop() - baseline);
        System.out.printf("| %s | %d | %.2f s | %s | %s (%d collections) | %,d | %s |%n", name, round, seconds,
                Machine.megabytes(allocated), Machine.megabytes(held), peak.collections, bytes, Machine.loadAverage());
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Bytes allocated so far by every live thread (the service's threads are long-lived pool threads). */
    private static long allocated() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = threads.getAllThreadIds();
        return Arrays.stream(threads.getThreadAllocatedBytes(ids)).filter(b -> b > 0).sum();
    }

    /** The most heap in use after any collection between {@link #start} and {@link #stop}. */
    private static final class PeakAfterGc implements NotificationListener {
        private static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .map(java.lang.management.MemoryPoolMXBean::getName).collect(java.util.stream.Collectors.toSet());
        private final AtomicLong peak = new AtomicLong();
        private final List<NotificationEmitter> emitters = new ArrayList<>();
        private int collections;

        static PeakAfterGc start() {
            PeakAfterGc listener = new PeakAfterGc();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(listener, null, null);
                    listener.emitters.add(emitter);
                }
            }
            return listener;
        }

        @Override
        public synchronized void handleNotification(javax.management.Notification notification, Object handback) {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                return;
            }
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                    (CompositeData) notification.getUserData());
            long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                    .filter(pool -> HEAP_POOLS.contains(pool.getKey())).mapToLong(pool -> pool.getValue().getUsed()).sum();
            peak.accumulateAndGet(used, Math::max);
            collections++;
        }

        long stop() throws Exception {
            Thread.sleep(200); // notifications arrive on their own thread
            for (NotificationEmitter emitter : emitters) {
                emitter.removeNotificationListener(this);
            }
            return peak.get();
        }
    }
}
