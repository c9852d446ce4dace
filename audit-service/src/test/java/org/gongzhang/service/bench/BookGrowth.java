package org.gongzhang.service.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;
import org.gongzhang.service.support.ClientKeys;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.verifier.entry.EntryDraft;
import org.gongzhang.verifier.entry.SignedEntry;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Grows one book through the real append path: vouchers recorded by the book's preparer, then
 * reviewed and posted by its reviewer, each entry signed with the client-held key at the head the
 * previous one leaves. A signer thread runs ahead of the submitter (a bounded queue), so signing is
 * off the critical path; the submitter hands each entry to the service's {@code EntrySubmissions}
 * in-process (the append path behind {@code POST /api/books/{book}/entries}, without HTTP), or,
 * where that bean is not found, posts it over HTTP. Entries of one book are sequential: each signs
 * its predecessor's hash, so one submitter at a time.
 */
final class BookGrowth {

    private static final String[] KINDS = {"voucher.recorded", "voucher.reviewed", "voucher.posted"};

    final TestBook book;
    private final Submitter submitter;
    private long size;
    private String head;
    /** The kind (index into {@link #KINDS}) of the last entry appended, -1 for none; and its voucher. */
    private int lastPhase = 2;
    private ObjectNode lastVoucher;

    private BookGrowth(TestBook book, Submitter submitter) {
        this.book = book;
        this.submitter = submitter;
        JsonNode head = book.client.get("/api/books/" + book.id + "/head").json();
        this.size = head.get("size").asLong();
        this.head = head.get("head").asText();
    }

    static BookGrowth open(ConfigurableApplicationContext context, int port) {
        LedgerClient client = new LedgerClient(port);
        return new BookGrowth(TestBook.open(client), Submitter.of(context, client));
    }

    long size() {
        return size;
    }

    String path() {
        return submitter.describe();
    }

    /** One stretch of growth: from and to which size, in how long; {@code complete} unless the deadline stopped it. */
    record Stretch(long from, long to, double seconds, boolean complete) {
        double rate() {
            return (to - from) / seconds;
        }
    }

    /** Appends until the book holds {@code target} entries or {@code deadlineNanos} (System.nanoTime) passes. */
    Stretch growTo(long target, long deadlineNanos) throws InterruptedException {
        long from = size;
        long start = System.nanoTime();
        BlockingQueue<Signed> queue = new ArrayBlockingQueue<>(1024);
        AtomicBoolean stop = new AtomicBoolean();
        long count = target - size;
        Thread signer = new Thread(() -> sign(queue, stop, count), "bench-signer");
        signer.setDaemon(true);
        signer.start();
        long lastReport = start;
        long reportedSize = size;
        try {
            while (size < target && System.nanoTime() < deadlineNanos) {
                Signed next = queue.poll(1, TimeUnit.SECONDS);
                if (next == null) {
                    if (!signer.isAlive()) {
                        throw new IllegalStateException("the signer thread stopped");
                    }
                    continue;
                }
                submitter.submit(book.id, next.entry());
                size++;
                head = next.entry().hash();
                lastPhase = next.phase();
                lastVoucher = next.voucher();
                long now = System.nanoTime();
                if (now - lastReport > 15_000_000_000L) {
                    double rate = (size - reportedSize) / ((now - lastReport) / 1e9);
                    System.out.printf("   grown to %,d entries: %,.0f entries/s over the last %.0f s, %s to %,d%n", size,
                            rate, (now - lastReport) / 1e9, eta((target - size) / rate), target);
                    lastReport = now;
                    reportedSize = size;
                }
            }
        } finally {
            stop.set(true);
            signer.interrupt();
            signer.join(10_000);
        }
        return new Stretch(from, size, (System.nanoTime() - start) / 1e9, size >= target);
    }

    private static String eta(double seconds) {
        return seconds < 120 ? String.format("%.0f s", seconds) : String.format("%.0f min", seconds / 60);
    }

    /** An entry signed ahead, with the voucher it is about and its kind's place in the cycle. */
    private record Signed(SignedEntry entry, int phase, ObjectNode voucher) {
    }

    /** Signs {@code count} entries following the last appended one, into {@code queue}, until stopped. */
    private void sign(BlockingQueue<Signed> queue, AtomicBoolean stop, long count) {
        long index = size;
        String prev = head;
        int phase = lastPhase;
        ObjectNode voucher = lastVoucher;
        try {
            for (long i = 0; i < count && !stop.get(); i++) {
                phase = (phase + 1) % KINDS.length;
                if (phase == 0) {
                    voucher = book.parkingVoucher(String.format("%d.%02d", 10 + index % 9000, index % 100));
                }
                ClientKeys keys = phase == 0 ? book.preparer : book.reviewer;
                ObjectNode payload = phase == 0 ? voucher : TestBook.idOf(voucher);
                SignedEntry entry = new EntryDraft(book.id, index, prev, KINDS[phase], keys.actor(), keys.role(),
                        keys.keyId(), keys.suite(), false, UUID.randomUUID().toString(), Instant.now(), book.today,
                        payload).sign(keys.pair().getPrivate());
                queue.put(new Signed(entry, phase, voucher));
                prev = entry.hash();
                index++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hands a signed entry to the service; anything but an append is an error. */
    private interface Submitter {

        void submit(String book, SignedEntry entry);

        String describe();

        static Submitter of(ConfigurableApplicationContext context, LedgerClient client) {
            try {
                Class<?> type = Class.forName("org.gongzhang.service.entry.EntrySubmissions");
                Object bean = context.getBean(type);
                Method submit = bean.getClass().getMethod("submit", String.class, String.class);
                return new Submitter() {
                    @Override
                    public void submit(String book, SignedEntry entry) {
                        try {
                            submit.invoke(bean, book, entry.leaf());
                        } catch (InvocationTargetException e) {
                            throw new IllegalStateException("entry " + entry.header().index() + " refused: "
                                    + e.getCause(), e.getCause());
                        } catch (IllegalAccessException e) {
                            throw new IllegalStateException(e);
                        }
                    }

                    @Override
                    public String describe() {
                        return "in-process EntrySubmissions.submit, one submitter";
                    }
                };
            } catch (ReflectiveOperationException | RuntimeException e) {
                System.out.println("   EntrySubmissions.submit(String, String) not found (" + e
                        + "); growing the book over HTTP");
                return new Submitter() {
                    @Override
                    public void submit(String book, SignedEntry entry) {
                        LedgerClient.Answer answer = client.submit(entry);
                        if (answer.status() != 201) {
                            throw new IllegalStateException("entry " + entry.header().index() + " refused: "
                                    + answer.status() + " " + Http.abbreviate(answer.body()));
                        }
                    }

                    @Override
                    public String describe() {
                        return "POST /api/books/{book}/entries, one client";
                    }
                };
            }
        }
    }

    /** Unmeasured requests before each timed series: the JIT compiles the path that answers them. */
    static final int WARMUP_REQUESTS = 200;

    /**
     * Times GET {@code path(i)} one request at a time on one keep-alive connection, after
     * {@link #WARMUP_REQUESTS} unmeasured ones, up to {@code maxRequests} or {@code maxSeconds}, at
     * least {@code minRequests}.
     */
    static Latencies time(KeepAlive http, LongFunction<String> path, int minRequests, int maxRequests,
            double maxSeconds) {
        for (int i = 0; i < WARMUP_REQUESTS; i++) {
            http.get(path.apply(i));
        }
        long[] nanos = new long[maxRequests];
        int count = 0;
        int failures = 0;
        String firstFailure = null;
        long deadline = System.nanoTime() + (long) (maxSeconds * 1e9);
        while (count + failures < maxRequests && (count + failures < minRequests || System.nanoTime() < deadline)) {
            String next = path.apply(count + failures);
            long start = System.nanoTime();
            int status = http.get(next);
            long took = System.nanoTime() - start;
            if (status == 200) {
                nanos[count++] = took;
            } else {
                failures++;
                if (firstFailure == null) {
                    firstFailure = Http.abbreviate(http.failure());
                }
            }
        }
        if (firstFailure != null) {
            System.out.println("   first failure of " + path.apply(0) + ": " + firstFailure);
        }
        return Latencies.of(nanos, count, failures);
    }
}
