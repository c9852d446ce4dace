package org.gongzhang.service.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Offline verify: the verifier module's own benchmark ({@code org.gongzhang.verifier.bench.VerifyBenchmark},
 * verifier/src/test) run through its main in a child JVM on the verifier's test classes, so that
 * its memory is its own. Its output is echoed and read back for the rate, the bare single-thread
 * Ed25519 verify rate it measured in the same run and its peak heap; the child's peak resident
 * memory is sampled from /proc while it runs.
 *
 * <p>TODO(verifier API): once VerifyBenchmark exposes a programmatic {@code run(...)}, call that
 * from a small main of this package in the child JVM instead of parsing its printed lines.
 */
final class VerifyRow {

    record Result(double entriesPerSecond, double bareVerifiesPerSecond, double ratio, long peakHeapMb,
            long peakRssKb, int cores, double seconds, List<String> output, int exitCode) {
    }

    private static final Pattern RATE = Pattern.compile("median ([\\d,]+) entries/s");
    private static final Pattern BARE = Pattern.compile("single-thread \\S+ verify: median ([\\d,]+) ?/s");
    private static final Pattern RATIO = Pattern.compile("ratio = .*median ([\\d.]+)");
    private static final Pattern HEAP = Pattern.compile("peak heap used while verifying: ([\\d,]+) MB");

    private VerifyRow() {
    }

    static Optional<Path> testClasses(Path root) {
        Path classes = root.resolve("verifier/target/test-classes");
        return Files.isDirectory(classes.resolve("org/gongzhang/verifier/bench")) ? Optional.of(classes) : Optional.empty();
    }

    static Result run(Path testClasses, long entries) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", testClasses + java.io.File.pathSeparator + System.getProperty("java.class.path"),
                "org.gongzhang.verifier.bench.VerifyBenchmark", Long.toString(entries), "ed25519");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        AtomicLong peakRss = new AtomicLong(-1);
        Thread sampler = new Thread(() -> {
            while (process.isAlive()) {
                peakRss.accumulateAndGet(Machine.statusKb(process.pid(), "VmHWM"), Math::max);
                Processors.sleep(200);
            }
        }, "verify-rss");
        sampler.setDaemon(true);
        sampler.start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                output.add(line);
                System.out.println("   verify> " + line);
            }
        }
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        String text = String.join("\n", output);
        return new Result(number(RATE, text), number(BARE, text), number(RATIO, text), (long) number(HEAP, text),
                peakRss.get(), Runtime.getRuntime().availableProcessors(), seconds, output, exit);
    }

    private static double number(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        double last = Double.NaN;
        while (m.find()) {
            last = Double.parseDouble(m.group(1).replace(",", ""));
        }
        return last;
    }
}
