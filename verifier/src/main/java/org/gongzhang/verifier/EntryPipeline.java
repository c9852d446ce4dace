package org.gongzhang.verifier;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.gongzhang.verifier.bundle.BundleStream;

/**
 * Feeds a book's leaves, as they arrive, through a bounded pool of readers to the walk, in order.
 * Leaves go in batches to {@code threads} worker threads, which check that a line is UTF-8, read it
 * ({@link LeafReading}) and verify its signature when they know its key ({@link SignatureKeys});
 * the calling thread hands the batches to the {@link EntryChain} in the order the leaves came, so
 * the findings are exactly those of one thread. At most a few batches per worker are ever in
 * flight: memory stays flat however long the log. With one thread everything runs on the caller's.
 */
final class EntryPipeline implements BundleStream.EntrySink, AutoCloseable {

    /** Leaves per batch: enough to keep a worker busy for a while, few enough to hold several. */
    static final int BATCH = 256;

    private static final AtomicInteger POOLS = new AtomicInteger();
    private static final ThreadLocal<Utf8> UTF8 = ThreadLocal.withInitial(Utf8::new);

    private final EntryChain chain;
    private final int threads;
    private final int batch;
    private final int inFlightLimit;
    private final SignatureKeys keys = new SignatureKeys();
    private final ArrayDeque<Future<Batch>> inFlight = new ArrayDeque<>();
    private ExecutorService pool;
    private List<Object> pending;
    private boolean valid = true;
    private volatile boolean invalid;

    EntryPipeline(EntryChain chain, int threads, int batch) {
        if (threads < 1 || batch < 1) {
            throw new IllegalArgumentException("at least one thread and one leaf per batch");
        }
        this.chain = chain;
        this.threads = threads;
        this.batch = batch;
        this.inFlightLimit = 2 * threads + 2;
        this.pending = new ArrayList<>(batch);
    }

    /** The next line of {@code entries.jsonl} as read from the file. */
    @Override
    public void line(byte[] utf8) {
        add(utf8);
    }

    /** The next leaf as text, as a bundle in memory holds it. */
    void text(String leaf) {
        add(leaf);
    }

    /** Walks every leaf still in flight; answers whether every line given as bytes was UTF-8. */
    @Override
    public boolean end() {
        if (!pending.isEmpty()) {
            if (pool == null) {
                walk(read(pending));
                pending = new ArrayList<>(0);
            } else {
                submit();
            }
        }
        while (!inFlight.isEmpty()) {
            walk(next());
        }
        close();
        return valid;
    }

    /** Stops the workers; what is still in flight is dropped. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private void add(Object leaf) {
        pending.add(leaf);
        if (pending.size() == batch) {
            submit();
        }
    }

    private void submit() {
        List<Object> leaves = pending;
        pending = new ArrayList<>(batch);
        if (threads == 1) {
            walk(read(leaves));
            return;
        }
        if (pool == null) {
            pool = Executors.newFixedThreadPool(threads, daemons());
        }
        inFlight.add(pool.submit(() -> read(leaves)));
        while (inFlight.size() >= inFlightLimit) {
            walk(next());
        }
    }

    private Batch next() {
        Future<Batch> oldest = inFlight.poll();
        try {
            return oldest.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void walk(Batch done) {
        valid &= done.valid();
        if (!valid) {
            return; // the bundle is unreadable; nothing walked counts
        }
        for (LeafReading reading : done.readings()) {
            chain.accept(reading);
        }
    }

    /** What a worker does: reads each leaf of a batch and verifies what it can. */
    private Batch read(List<Object> leaves) {
        if (invalid) {
            return Batch.INVALID;
        }
        Utf8 utf8 = UTF8.get();
        LeafReading[] readings = new LeafReading[leaves.size()];
        for (int i = 0; i < readings.length; i++) {
            Object leaf = leaves.get(i);
            LeafReading reading;
            if (leaf instanceof String text) {
                reading = LeafReading.read(text);
            } else if (utf8.valid((byte[]) leaf)) {
                reading = LeafReading.read((byte[]) leaf);
            } else {
                invalid = true;
                return Batch.INVALID;
            }
            readings[i] = keys.check(reading);
        }
        return new Batch(readings, true);
    }

    private static ThreadFactory daemons() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "verifier-" + pool + "-reader-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A batch read: its leaves in order, and whether every one was UTF-8. */
    private record Batch(LeafReading[] readings, boolean valid) {
        static final Batch INVALID = new Batch(new LeafReading[0], false);
    }

    /** Checks that bytes are UTF-8 exactly as the JDK's decoder does, reusing its buffers. */
    private static final class Utf8 {
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private CharBuffer chars = CharBuffer.allocate(4096);

        boolean valid(byte[] bytes) {
            if (chars.capacity() < bytes.length) {
                chars = CharBuffer.allocate(Math.max(bytes.length, chars.capacity() * 2));
            }
            chars.clear();
            decoder.reset();
            ByteBuffer in = ByteBuffer.wrap(bytes);
            CoderResult result = decoder.decode(in, chars, true);
            if (result.isError()) {
                return false;
            }
            return !decoder.flush(chars).isError() && !in.hasRemaining();
        }
    }
}
