package org.gongzhang.verifier.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
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
 * It writes a bundle of {@code entries} signed entries with a valid checkpoint, then, in each of a
 * few rounds, measures the limit — bare signature verification of one voucher's three entries on
 * one thread, and on every core — right before timing {@link Verifier#verify(Path, Optional)} on
 * the bundle with the log key. Measuring both in every round keeps the ratio honest on a machine
 * that others share.
 *
 * <pre>./mvnw -q -B -ntp -pl verifier test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.gongzhang.verifier.bench.VerifyBenchmark -Dexec.args="100000 ed25519"</pre>
 */
public final class VerifyBenchmark {

    private static final long LIMIT_NANOS = 3_000_000_000L;
    private static final int WARM_UP_RUNS = 3;
    private static final int ROUNDS = 3;

    private VerifyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        SignatureSuite suite = SignatureSuite.byId(args.length > 1 ? args[1] : "ed25519")
                .orElseThrow(() -> new IllegalArgumentException("suite is ed25519 or sm2-sm3"));
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("cores %d, java %s, max heap %,d MB, suite %s, load average %.2f%n", cores,
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, suite.id(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        List<BenchmarkBook.Sample> samples = BenchmarkBook.samples(suite);
        verifyFor(LIMIT_NANOS, suite, samples);

        Path dir = Files.createTempDirectory("verify-bench");
        NoteSigner logKey = NoteSigner.generate("gongzhang.org/log");
        long start = System.nanoTime();
        List<SignedEntry> entries = BenchmarkBook.of(suite, size);
        System.out.printf("generated %,d signed entries in %.1f s (one thread: each entry cites the one before)%n",
                size, seconds(System.nanoTime() - start));
        Path warmUp = write(dir.resolve("warm-up.zip"), entries.subList(0, Math.max(1, size / 10)), logKey);
        Path full = write(dir.resolve("bundle.zip"), entries, logKey);
        entries = null;
        System.out.printf("bundle: %,d bytes; warm-up bundle: %,d entries%n", Files.size(full), Math.max(1, size / 10));
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            verify(warmUp, logKey.verifierKey());
        }

        double[] limits = new double[ROUNDS];
        double[] rates = new double[ROUNDS];
        double[] ratios = new double[ROUNDS];
        double[] cpuRatios = new double[ROUNDS];
        long peakHeap = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Rate limit = verifyRate(suite, samples, 1);
            limits[round] = limit.perSecond();
            double allCores = verifyRate(suite, samples, cores).perSecond();
            System.gc();
            List<MemoryPoolMXBean> heap = heapPools();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long cpuBefore = processCpuNanos();
            long gcBefore = gcMillis();
            long begin = System.nanoTime();
            VerificationReport report = verify(full, logKey.verifierKey());
            double time = seconds(System.nanoTime() - begin);
            double busyCores = seconds(processCpuNanos() - cpuBefore) / time;
            double gcSeconds = (gcMillis() - gcBefore) / 1e3;
            peakHeap = Math.max(peakHeap, heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum());
            rates[round] = report.entries() / time;
            ratios[round] = rates[round] / (cores * limits[round]);
            cpuRatios[round] = report.entries() / (time * busyCores) / limit.perCpuSecond();
            System.out.printf("round %d: limit %,.0f verifies/s on 1 thread, %,.0f on %d threads;"
                    + " verified %,d entries in %.2f s = %,.0f entries/s (%.2f cores busy, GC %.2f s); ratio %.2f;"
                    + " per CPU-second %.2f%n", round + 1, limits[round], allCores, cores, report.entries(), time,
                    rates[round], busyCores, gcSeconds, ratios[round], cpuRatios[round]);
        }
        System.out.printf("verify bundle of %,d entries, %d cores: median %,.0f entries/s, best %,.0f entries/s%n",
                size, cores, median(rates), Arrays.stream(rates).max().orElseThrow());
        System.out.printf("single-thread %s verify: median %,.0f /s%n", suite.id(), median(limits));
        System.out.printf("ratio = rate / (cores × single-thread verify rate), per round: median %.2f (target ≥ 0.80)%n",
                median(ratios));
        System.out.printf("entries per process CPU-second / bare verifies per thread CPU-second: median %.2f"
                + " (what the ratio would be with every core ours and busy)%n", median(cpuRatios));
        System.out.printf("peak heap used while verifying: %,d MB (sum of per-pool peaks, garbage included)%n",
                peakHeap >> 20);
        Files.delete(warmUp);
        Files.delete(full);
        Files.delete(dir);
    }

    /** Bare {@link SignatureSuite#verify} calls on {@code threads} threads at once: per second, and per CPU-second. */
    private static Rate verifyRate(SignatureSuite suite, List<BenchmarkBook.Sample> samples, int threads)
            throws InterruptedException, ExecutionException {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<long[]>> results = executor.invokeAll(IntStream.range(0, threads)
                    .mapToObj(i -> (Callable<long[]>) () -> {
                        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                        long count = verifyFor(LIMIT_NANOS, suite, samples);
                        return new long[] {count, ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu};
                    })
                    .toList());
            double wall = seconds(System.nanoTime() - start);
            long count = 0;
            long cpu = 0;
            for (Future<long[]> result : results) {
                count += result.get()[0];
                cpu += result.get()[1];
            }
            return new Rate(count / wall, count / seconds(cpu));
        } finally {
            executor.shutdown();
        }
    }

    /** Operations per second of wall-clock time and per second of CPU time. */
    private record Rate(double perSecond, double perCpuSecond) {
    }

    private static long verifyFor(long nanos, SignatureSuite suite, List<BenchmarkBook.Sample> samples) {
        long end = System.nanoTime() + nanos;
        long count = 0;
        while (System.nanoTime() < end) {
            BenchmarkBook.Sample sample = samples.get((int) (count % samples.size()));
            if (!suite.verify(sample.publicKey(), sample.message(), sample.signature())) {
                throw new IllegalStateException("a sample signature does not verify");
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

    /** CPU time of this whole process (JIT and GC included). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Time the garbage collectors report having spent, summed over collectors. */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(gc -> Math.max(0, gc.getCollectionTime()))
                .sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
