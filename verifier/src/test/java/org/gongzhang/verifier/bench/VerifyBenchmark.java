package org.gongzhang.verifier.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.gongzhang.verifier.VerificationReport;
import org.gongzhang.verifier.Verifier;
import org.gongzhang.verifier.bundle.Bundle;
import org.gongzhang.verifier.bundle.BundleWriter;
import org.gongzhang.verifier.checkpoint.NoteSigner;
import org.gongzhang.verifier.checkpoint.NoteVerifierKey;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * Verify benchmark (DESIGN.md §7: full verification ≥ 0.8 × cores × single-thread verify rate).
 * In one run it measures the limit first — single-thread signature verification of a
 * representative voucher entry — then writes a bundle of {@code entries} signed entries with a
 * valid checkpoint and times {@link Verifier#verify(Path, Optional)} on it with the log key.
 *
 * <pre>./mvnw -q -B -ntp -pl verifier test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.gongzhang.verifier.bench.VerifyBenchmark -Dexec.args="100000 ed25519"</pre>
 */
public final class VerifyBenchmark {

    private static final long LIMIT_WARM_UP_NANOS = 2_000_000_000L;
    private static final long LIMIT_NANOS = 4_000_000_000L;
    private static final int WARM_UP_RUNS = 3;
    private static final int RUNS = 3;

    private VerifyBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        SignatureSuite suite = SignatureSuite.byId(args.length > 1 ? args[1] : "ed25519")
                .orElseThrow(() -> new IllegalArgumentException("suite is ed25519 or sm2-sm3"));
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("cores %d, java %s, max heap %,d MB, suite %s%n", cores, System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, suite.id());

        double limit = singleThreadVerifyRate(suite);
        System.out.printf("limit: %s verify, 1 thread        %,10.0f /s%n", suite.id(), limit);

        Path dir = Files.createTempDirectory("verify-bench");
        NoteSigner logKey = NoteSigner.generate("gongzhang.org/log");
        long start = System.nanoTime();
        Path warmUp;
        Path full;
        {
            List<SignedEntry> entries = BenchmarkBook.of(suite, size);
            System.out.printf("generated %,d signed entries in %.1f s (sequential: each cites the one before)%n", size,
                    seconds(System.nanoTime() - start));
            warmUp = write(dir.resolve("warm-up.zip"), entries.subList(0, Math.max(1, size / 10)), logKey);
            full = write(dir.resolve("bundle.zip"), entries, logKey);
        }
        System.out.printf("bundle %s: %,d bytes%n", full, Files.size(full));

        for (int i = 0; i < WARM_UP_RUNS; i++) {
            verify(warmUp, logKey.verifierKey());
        }
        double[] times = new double[RUNS];
        long peakHeap = 0;
        for (int i = 0; i < RUNS; i++) {
            System.gc();
            heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
            long begin = System.nanoTime();
            VerificationReport report = verify(full, logKey.verifierKey());
            times[i] = seconds(System.nanoTime() - begin);
            peakHeap = Math.max(peakHeap, heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum());
            System.out.printf("run %d: %,d entries in %.2f s, %,.0f entries/s%n", i + 1, report.entries(), times[i],
                    report.entries() / times[i]);
        }
        Arrays.sort(times);
        double best = size / times[0];
        double median = size / times[RUNS / 2];
        System.out.printf("product: verify bundle, %d cores  best %,10.0f /s (%.2f s), median %,10.0f /s (%.2f s)%n",
                cores, best, times[0], median, times[RUNS / 2]);
        System.out.printf("ratio = rate / (cores × single-thread verify rate): best %.2f, median %.2f (target ≥ 0.80)%n",
                best / (cores * limit), median / (cores * limit));
        System.out.printf("peak heap used during a run: %,d MB (sum of per-pool peaks, garbage included)%n",
                peakHeap >> 20);
        Files.delete(warmUp);
        Files.delete(full);
        Files.delete(dir);
    }

    /** Bare {@link SignatureSuite#verify} calls on one entry's bytes, on this thread, after a warm-up. */
    private static double singleThreadVerifyRate(SignatureSuite suite) {
        BenchmarkBook.Sample sample = BenchmarkBook.sampleVoucher(suite);
        byte[] message = sample.entry().signedBytes();
        byte[] signature = sample.entry().signatureBytes();
        verifyFor(LIMIT_WARM_UP_NANOS, suite, sample, message, signature);
        long start = System.nanoTime();
        long count = verifyFor(LIMIT_NANOS, suite, sample, message, signature);
        return count / seconds(System.nanoTime() - start);
    }

    private static long verifyFor(long nanos, SignatureSuite suite, BenchmarkBook.Sample sample, byte[] message,
            byte[] signature) {
        long end = System.nanoTime() + nanos;
        long count = 0;
        while (System.nanoTime() < end) {
            if (!suite.verify(sample.publicKey(), message, signature)) {
                throw new IllegalStateException("the sample signature does not verify");
            }
            count++;
        }
        return count;
    }

    private static Path write(Path file, List<SignedEntry> entries, NoteSigner logKey) throws IOException {
        BundleWriter.write(Bundle.signed(BenchmarkBook.BOOK, entries, logKey, Instant.parse("2026-12-01T00:00:00Z")),
                file);
        return file;
    }

    private static VerificationReport verify(Path bundle, NoteVerifierKey logKey) throws IOException {
        VerificationReport report = Verifier.verify(bundle, Optional.of(logKey));
        if (!report.ok()) {
            throw new IllegalStateException("the benchmark bundle does not verify: " + report.findings().get(0));
        }
        return report;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        List<MemoryPoolMXBean> pools = new ArrayList<>();
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).forEach(pools::add);
        return pools;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
