package org.gongzhang.verifier.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.gongzhang.verifier.FileVerification;
import org.gongzhang.verifier.VerifyOptions;
import org.gongzhang.verifier.Verifier;
import org.gongzhang.verifier.bundle.BundleManifest;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.checkpoint.NoteSigner;
import org.gongzhang.verifier.checkpoint.NoteVerifierKey;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.merkle.CompactRange;

/**
 * Verify benchmark (DESIGN.md §7: full verification ≥ 0.8 × cores × single-thread verify rate, and
 * issue 11: a city's million entries in bounded memory). One run:
 *
 * <ol>
 *   <li>writes a bundle file of {@code entries} signed vouchers (recorded, reviewed, posted) with a
 *       valid checkpoint, entry by entry, so that writing it needs no more memory for a million
 *       entries than for a thousand; a bundle written before in the same directory is used again;</li>
 *   <li>in each of a few rounds measures the limit — bare {@link SignatureSuite#verify} of 1,000
 *       vouchers' 3,000 entries in turn on one thread, and on every core — right before timing
 *       {@link Verifier#verifyFile} on the bundle in this JVM (wall, CPU, GC, peak heap of the
 *       round), so that the ratio stays honest on a machine others share;</li>
 *   <li>runs {@code ledger verify} on the bundle in a child JVM with a capped heap
 *       ({@code -Xmx512m} by default): whether it succeeds, how long it takes, and from its GC log
 *       the most heap it held before and after a collection;</li>
 *   <li>reports the load average ({@code /proc/loadavg}) before, during and after.</li>
 * </ol>
 *
 * <pre>./mvnw -q -B -ntp -pl verifier test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.gongzhang.verifier.bench.VerifyBenchmark -Dexec.args="1000000 ed25519 3 512m"</pre>
 *
 * Arguments: entries (default 100000), suite ({@code ed25519} or {@code sm2-sm3}), rounds (default 3),
 * the child's heap cap ({@code none} to skip the child). {@link #run} does the same from code.
 */
public final class VerifyBenchmark {

    private static final long LIMIT_NANOS = 3_000_000_000L;
    private static final int WARM_UP_RUNS = 2;
    /** Vouchers whose 3,000 entries the bare rate verifies in turn, each signature distinct. */
    private static final int SAMPLE_VOUCHERS = 1_000;
    private static final Instant CREATED_AT = Instant.parse("2026-12-01T00:00:00Z");
    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private VerifyBenchmark() {
    }

    /**
     * What one run measured.
     *
     * @param entries               entries in the bundle
     * @param suite                 signature suite of every entry
     * @param cores                 {@code availableProcessors()}
     * @param bundleBytes           size of the bundle file
     * @param bareVerifiesPerSecond bare single-thread signature verifications per second, median of the rounds
     * @param bareAllCoresPerSecond bare verifications per second on every core at once, median of the rounds
     * @param limitPerSecond        per round the higher of {@code cores × bare single-thread} and bare on every
     *                              core at once, each the mean of right before and right after the round; median
     * @param entriesPerSecond      entries verified per second by {@link Verifier#verifyFile} in this JVM, median
     * @param bestEntriesPerSecond  the best round's entries per second
     * @param ratio                 per round {@code entriesPerSecond / limitPerSecond}, median (DESIGN.md §7
     *                              asks ≥ 0.8 × cores × the bare rate; where the cores together verify more than
     *                              cores × one alone, as they do on a machine whose load moves, that is the limit)
     * @param cpuRatio              per round entries per process CPU-second over bare verifies per thread
     *                              CPU-second, median: the ratio with every core ours and busy
     * @param undisturbedRounds     rounds nobody else's work disturbed: the bare rate on every core was at
     *                              least 0.9 × cores × the single-thread one, and the verifier kept at least
     *                              0.9 × cores busy (on a shared machine the others are not comparable)
     * @param undisturbedRatio      the median ratio of those rounds; NaN when there were none
     * @param peakHeapBytes         the most heap in use (all pools, garbage included) in any timed round in this JVM
     * @param maxHeapBytes          this JVM's heap limit
     * @param cli                   {@code ledger verify} in a child JVM with a capped heap; empty when skipped
     * @param loadAverages          {@code /proc/loadavg} before the run, before each round and after the run
     */
    public record Result(long entries, String suite, int cores, long bundleBytes, double bareVerifiesPerSecond,
            double bareAllCoresPerSecond, double limitPerSecond, double entriesPerSecond, double bestEntriesPerSecond, double ratio,
            double cpuRatio, int undisturbedRounds, double undisturbedRatio, long peakHeapBytes, long maxHeapBytes,
            Optional<CliRun> cli, List<String> loadAverages) {
    }

    /**
     * {@code ledger verify BUNDLE --log-key KEY} in a child JVM.
     *
     * @param heapCap             the {@code -Xmx} it ran with
     * @param exitCode            its exit code
     * @param ok                  exit code 0 and it printed {@code OK: <entries> entries verified}
     * @param seconds             wall time from start to exit, JVM start included
     * @param entriesPerSecond    entries over those seconds
     * @param peakHeapBeforeGcMb  the most heap in use before any collection, from its GC log (garbage included)
     * @param peakHeapAfterGcMb   the most heap still in use after a collection: what it kept
     * @param peakRssKb           the most resident memory of the process, sampled from /proc ({@code VmHWM})
     * @param summary             its last line of output
     * @param bareBefore          bare single-thread verifications per second right before it ran
     * @param bareAfter           the same right after it ended
     * @param limitBefore         the limit right before it ran (as a library round's: the higher of cores ×
     *                            single-thread and every core at once)
     * @param limitAfter          the same right after it ended
     */
    public record CliRun(String heapCap, int exitCode, boolean ok, double seconds, double entriesPerSecond,
            long peakHeapBeforeGcMb, long peakHeapAfterGcMb, long peakRssKb, String summary, double bareBefore,
            double bareAfter, double limitBefore, double limitAfter) {

        /**
         * Its rate over the mean of the limits measured around it: its own limit, as each library round
         * has its own, since this machine's bare rate moves by half within minutes.
         */
        public double ratio() {
            return entriesPerSecond / ((limitBefore + limitAfter) / 2);
        }
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        SignatureSuite suite = SignatureSuite.byId(args.length > 1 ? args[1] : "ed25519")
                .orElseThrow(() -> new IllegalArgumentException("suite is ed25519 or sm2-sm3"));
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Optional<String> heapCap = args.length > 3 && args[3].equals("none") ? Optional.empty()
                : Optional.of(args.length > 3 ? args[3] : "512m");
        Result result = run(entries, suite, rounds, heapCap, defaultDirectory());
        System.out.println(result);
    }

    /** {@link #run(long, SignatureSuite, int, Optional, Path)} of Ed25519 entries, 3 rounds, the CLI capped at 512 MB. */
    public static Result run(long entries) throws IOException, InterruptedException {
        return run(entries, SignatureSuite.ED25519, 3, Optional.of("512m"), defaultDirectory());
    }

    /**
     * Writes (or finds in {@code directory}) a bundle of {@code entries} entries in {@code suite},
     * then measures {@code rounds} rounds in this JVM and, unless {@code cliHeapCap} is empty, one
     * {@code ledger verify} in a child JVM with that {@code -Xmx}. Prints each figure as it goes.
     */
    public static Result run(long entries, SignatureSuite suite, int rounds, Optional<String> cliHeapCap, Path directory)
            throws IOException, InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        List<String> loads = new ArrayList<>();
        loads.add(loadAverage());
        System.out.printf("cores %d, java %s, max heap %,d MB, suite %s, load average %s%n", cores,
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, suite.id(), loads.get(0));
        List<BenchmarkBook.Sample> samples = BenchmarkBook.samples(suite, SAMPLE_VOUCHERS);
        verifyFor(LIMIT_NANOS, suite, samples);

        Files.createDirectories(directory);
        Bench full = bundle(directory, suite, entries);
        Bench warmUp = bundle(directory, suite, Math.max(1, Math.min(entries / 10, 20_000)));
        System.out.printf("bundle: %,d entries, %,d bytes, %s; warm-up bundle: %,d entries%n", entries,
                Files.size(full.file()), full.file(), warmUp.entries());
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            verify(warmUp);
        }

        double[] limits = new double[rounds];
        double[] singles = new double[rounds];
        double[] allCores = new double[rounds];
        double[] rates = new double[rounds];
        double[] ratios = new double[rounds];
        double[] cpuRatios = new double[rounds];
        List<Double> undisturbed = new ArrayList<>();
        long peakHeap = 0;
        Limit before = Limit.measure(suite, samples, cores);
        for (int round = 0; round < rounds; round++) {
            loads.add(loadAverage());
            System.gc();
            List<MemoryPoolMXBean> heap = heapPools();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long cpuBefore = processCpuNanos();
            long gcBefore = gcMillis();
            long begin = System.nanoTime();
            verify(full);
            double time = seconds(System.nanoTime() - begin);
            double busyCores = seconds(processCpuNanos() - cpuBefore) / time;
            double gcSeconds = (gcMillis() - gcBefore) / 1e3;
            peakHeap = Math.max(peakHeap, heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum());
            Limit after = Limit.measure(suite, samples, cores);
            limits[round] = (before.perSecond() + after.perSecond()) / 2;
            singles[round] = (before.single().perSecond() + after.single().perSecond()) / 2;
            allCores[round] = (before.allCores() + after.allCores()) / 2;
            double perCpuSecond = (before.single().perCpuSecond() + after.single().perCpuSecond()) / 2;
            rates[round] = entries / time;
            ratios[round] = rates[round] / limits[round];
            cpuRatios[round] = entries / (time * busyCores) / perCpuSecond;
            boolean alone = allCores[round] >= 0.9 * cores * singles[round] && busyCores >= 0.9 * cores;
            if (alone) {
                undisturbed.add(ratios[round]);
            }
            System.out.printf("round %d%s (load %s): limit %,.0f verifies/s (%,.0f on 1 thread, %,.0f on %d threads,"
                    + " means of right before and right after); verified %,d entries in %.2f s = %,.0f entries/s"
                    + " (%.2f cores busy, GC %.2f s); ratio %.2f; per CPU-second %.2f%n", round + 1,
                    alone ? "" : " DISTURBED", loads.get(loads.size() - 1), limits[round], singles[round],
                    allCores[round], cores, entries, time, rates[round], busyCores, gcSeconds, ratios[round],
                    cpuRatios[round]);
            before = after;
        }
        System.out.printf("verify bundle of %,d entries, %d cores: median %,.0f entries/s, best %,.0f entries/s%n",
                entries, cores, median(rates), Arrays.stream(rates).max().orElseThrow());
        System.out.printf("single-thread %s verify: median %,.0f /s; limit: median %,.0f /s%n", suite.id(),
                median(singles), median(limits));
        System.out.printf("ratio = rate / limit, the limit the higher of cores × single-thread verify rate and the"
                + " rate on every core at once, per round: median %.2f (target ≥ 0.80)%n", median(ratios));
        System.out.printf("entries per process CPU-second / bare verifies per thread CPU-second: median %.2f"
                + " (what the ratio would be with every core ours and busy)%n", median(cpuRatios));
        double undisturbedRatio = undisturbed.isEmpty() ? Double.NaN
                : median(undisturbed.stream().mapToDouble(Double::doubleValue).toArray());
        System.out.printf("undisturbed rounds (every core ours in the limit and in the run): %d of %d, their ratio %s%n",
                undisturbed.size(), rounds, undisturbed.isEmpty() ? "-" : String.format("%.2f", undisturbedRatio));
        System.out.printf("peak heap used while verifying: %,d MB (sum of per-pool peaks, garbage included; max heap"
                + " %,d MB)%n", peakHeap >> 20, Runtime.getRuntime().maxMemory() >> 20);

        Optional<CliRun> cli = Optional.empty();
        if (cliHeapCap.isPresent()) {
            CliRun c = cli(full, cliHeapCap.get(), directory, suite, samples, cores);
            cli = Optional.of(c);
            System.out.printf("ledger verify -Xmx%s in a child JVM: %s, exit %d, %,d entries in %.1f s = %,.0f entries/s"
                    + " (JVM start included); heap before GC at most %,d MB, after GC at most %,d MB; peak RSS %,d MB;"
                    + " bare single-thread verifies/s right before %,.0f and after %,.0f, limit %,.0f and %,.0f:"
                    + " ratio %.2f%n",
                    c.heapCap(), c.ok() ? "succeeded" : "FAILED", c.exitCode(), entries, c.seconds(), c.entriesPerSecond(),
                    c.peakHeapBeforeGcMb(), c.peakHeapAfterGcMb(), c.peakRssKb() >> 10, c.bareBefore(), c.bareAfter(),
                    c.limitBefore(), c.limitAfter(), c.ratio());
            System.out.println("ledger verify said: " + c.summary());
        }
        loads.add(loadAverage());
        System.out.println("load average before, each round, after: " + String.join(" | ", loads));
        return new Result(entries, suite.id(), cores, Files.size(full.file()), median(singles), median(allCores),
                median(limits),
                median(rates), Arrays.stream(rates).max().orElseThrow(), median(ratios), median(cpuRatios),
                undisturbed.size(), undisturbedRatio, peakHeap, Runtime.getRuntime().maxMemory(), cli, List.copyOf(loads));
    }

    /** {@code verifier/target/verify-bench} when run from the repository root, else a directory in the temp dir. */
    private static Path defaultDirectory() {
        Path target = Path.of("verifier", "target");
        return Files.isDirectory(target) ? target.resolve("verify-bench")
                : Path.of(System.getProperty("java.io.tmpdir"), "gongzhang-verify-bench");
    }

    /** A bundle file and the log key that signed its checkpoint. */
    private record Bench(Path file, Path logKey, long entries) {
        NoteVerifierKey key() throws IOException {
            return NoteVerifierKey.parse(Files.readString(logKey).strip());
        }
    }

    /**
     * The bundle of {@code entries} entries in {@code directory}, written now unless it is there:
     * {@code bundle.json}, then {@code entries.jsonl} copied from a file the entries were appended to
     * as they were signed (the manifest needs their count and root first), then {@code checkpoint.txt}
     * signed by a fresh log key, whose verifier key is written beside the bundle.
     */
    private static Bench bundle(Path directory, SignatureSuite suite, long entries) throws IOException {
        Path file = directory.resolve("bundle-" + entries + "-" + suite.id() + ".zip");
        Path key = directory.resolve("bundle-" + entries + "-" + suite.id() + ".logkey");
        if (Files.isRegularFile(file) && Files.isRegularFile(key)) {
            return new Bench(file, key, entries);
        }
        long start = System.nanoTime();
        Path lines = Files.createTempFile(directory, "entries", ".jsonl");
        CompactRange[] range = {CompactRange.empty()};
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(lines), 1 << 16)) {
            BenchmarkBook.write(suite, entries, entry -> {
                try {
                    out.write(entry.leaf().getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                range[0] = range[0].append(entry.leafHash());
            });
        }
        NoteSigner logKey = NoteSigner.generate("gongzhang.org/log");
        byte[] root = range[0].root();
        BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT, BenchmarkBook.BOOK, entries,
                Digests.hex(root), CREATED_AT, logKey.verifierKey().toString());
        Path partial = Files.createTempFile(directory, "bundle", ".zip");
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16),
                StandardCharsets.UTF_8); InputStream in = Files.newInputStream(lines)) {
            put(zip, "bundle.json");
            zip.write((manifest.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
            put(zip, "entries.jsonl");
            in.transferTo(zip);
            put(zip, "checkpoint.txt");
            zip.write(Checkpoint.forBook(BenchmarkBook.BOOK, entries, root).sign(logKey).toString()
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Files.delete(lines);
        Files.writeString(key, logKey.verifierKey() + "\n");
        Files.move(partial, file);
        System.out.printf("wrote a bundle of %,d signed entries in %.1f s (one thread: each entry cites the one before)%n",
                entries, seconds(System.nanoTime() - start));
        return new Bench(file, key, entries);
    }

    private static void put(ZipOutputStream zip, String name) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(FileTime.from(CREATED_AT));
        zip.putNextEntry(entry);
    }

    private static void verify(Bench bench) throws IOException {
        FileVerification verified = Verifier.verifyFile(bench.file(), VerifyOptions.trusting(bench.key()));
        if (!verified.report().ok() || verified.report().entries() != bench.entries()) {
            throw new IllegalStateException("the benchmark bundle does not verify: " + verified.report().findings());
        }
    }

    /**
     * {@code ledger verify} on {@code bench} in a child JVM with {@code -Xmx<heapCap>} and a GC log,
     * between two measurements of the limit ({@link Limit}: {@code suite} on {@code samples}, on one
     * thread and on {@code cores} at once).
     */
    private static CliRun cli(Bench bench, String heapCap, Path directory, SignatureSuite suite,
            List<BenchmarkBook.Sample> samples, int cores) throws IOException, InterruptedException {
        Limit limitBefore = Limit.measure(suite, samples, cores);
        Path gcLog = directory.resolve("cli-gc.log");
        Files.deleteIfExists(gcLog);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapCap, "-Xlog:gc:file=" + gcLog, "-cp", cliClassPath(),
                "org.gongzhang.verifier.cli.LedgerCli", "verify", bench.file().toString(), "--log-key",
                bench.logKey().toString());
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        AtomicLong peakRss = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (process.isAlive()) {
                peakRss.accumulateAndGet(statusKb(process.pid(), "VmHWM"), Math::max);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "cli-rss");
        sampler.setDaemon(true);
        sampler.start();
        List<String> output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        int exit = process.waitFor();
        double seconds = seconds(System.nanoTime() - start);
        Limit limitAfter = Limit.measure(suite, samples, cores);
        sampler.join(1000);
        long before = 0;
        long after = 0;
        if (Files.isRegularFile(gcLog)) {
            for (String line : Files.readAllLines(gcLog)) {
                Matcher m = GC_HEAP.matcher(line);
                if (m.find()) {
                    before = Math.max(before, Long.parseLong(m.group(1)));
                    after = Math.max(after, Long.parseLong(m.group(2)));
                }
            }
        }
        String ok = "OK: " + bench.entries() + " entries verified";
        boolean succeeded = exit == 0 && output.stream().anyMatch(line -> line.startsWith(ok));
        String summary = output.stream().filter(line -> line.startsWith("OK:") || line.startsWith("FAILED:")
                || line.contains("Exception") || line.contains("Error")).findFirst()
                .orElse(output.isEmpty() ? "" : output.get(output.size() - 1));
        return new CliRun(heapCap, exit, succeeded, seconds, bench.entries() / seconds, before, after, peakRss.get(),
                summary, limitBefore.single().perSecond(), limitAfter.single().perSecond(), limitBefore.perSecond(),
                limitAfter.perSecond());
    }

    /**
     * Where the CLI and its two libraries were loaded from: the class path of {@code ledger verify},
     * also under {@code exec:java}, whose {@code java.class.path} is Maven's own.
     */
    private static String cliClassPath() {
        return java.util.stream.Stream.of(org.gongzhang.verifier.cli.LedgerCli.class,
                        com.fasterxml.jackson.databind.ObjectMapper.class, com.fasterxml.jackson.core.JsonParser.class,
                        com.fasterxml.jackson.annotation.JsonProperty.class,
                        org.bouncycastle.jce.provider.BouncyCastleProvider.class)
                .map(type -> {
                    try {
                        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
                    } catch (java.net.URISyntaxException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .distinct().collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    /** A {@code kB} figure of {@code /proc/<pid>/status}, or 0 when it cannot be read. */
    private static long statusKb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not Linux
        }
        return 0;
    }

    /** The first three fields of {@code /proc/loadavg}, else the JVM's one-minute figure. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** Bare {@link SignatureSuite#verify} calls on {@code threads} threads at once: per second, and per CPU-second. */
    private static Rate verifyRate(SignatureSuite suite, List<BenchmarkBook.Sample> samples, int threads)
            throws InterruptedException {
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
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            executor.shutdown();
        }
    }

    /** Operations per second of wall-clock time and per second of CPU time. */
    private record Rate(double perSecond, double perCpuSecond) {
    }

    /**
     * The machine's bare rate at one moment: on one thread, and on {@code cores} threads at once.
     * On a machine shared with others the one thread alone is now and then slower than each of the
     * many together (it ran on a core someone else was using); the limit is then what the cores did
     * together, never less than {@code cores ×} the one.
     */
    private record Limit(Rate single, double allCores, int cores) {

        static Limit measure(SignatureSuite suite, List<BenchmarkBook.Sample> samples, int cores)
                throws InterruptedException {
            return new Limit(verifyRate(suite, samples, 1), verifyRate(suite, samples, cores).perSecond(), cores);
        }

        double perSecond() {
            return Math.max(cores * single.perSecond(), allCores);
        }
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
