package org.gongzhang.service.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The benchmark's arguments.
 *
 * <pre>
 * --quick                 small sizes: books of 1,000 and 10,000 entries, a few seconds per figure
 * --entries N             grow the proof book to N entries (default 1,000,000; 10,000 with --quick);
 *                         proofs are measured at 1,000, 100,000 and 1,000,000 entries below N, and at N
 * --seconds S             seconds per append rate and of timed imports, and per raw-insert limit (default 10; 3 with --quick)
 * --warmup S              seconds of appends by 8 clients before the first append figure, and of untimed
 *                         imports before the import's, so that the figures are the running service's, not a
 *                         just-started JVM's (default 60; 20 with --quick)
 * --verify-entries N      entries in the verify benchmark's bundle (default 1,000,000; 10,000 with --quick)
 * --max-growth-minutes M  stop growing the book after M minutes and measure at the size reached (default 240)
 * --soak-minutes M        minutes of mixed load on the service in its own JVM, its memory sampled (default 30; 2 with --quick)
 * --only a,b,...          only these groups: appends, one-book, import, verify, growth, rebuild, portal, start, soak
 * --out FILE              the Markdown table (default target/benchmarks.md)
 * --root DIR              the repository (default: the working directory)
 * </pre>
 */
record BenchOptions(boolean quick, long entries, int seconds, int warmup, long verifyEntries, double maxGrowthMinutes,
        double soakMinutes, Set<String> only, Path out, Path root, String command) {

    static final List<String> GROUPS = List.of("appends", "one-book", "import", "verify", "growth", "rebuild", "portal",
            "start", "soak");

    static BenchOptions parse(String[] args) {
        boolean quick = Arrays.asList(args).contains("--quick");
        long entries = quick ? 10_000 : 1_000_000;
        int seconds = quick ? 3 : 10;
        int warmup = quick ? 20 : 60;
        long verifyEntries = quick ? 10_000 : 1_000_000;
        double maxGrowthMinutes = 240;
        double soakMinutes = quick ? 2 : 30;
        Set<String> only = new LinkedHashSet<>(GROUPS);
        Path out = Path.of("target", "benchmarks.md");
        Path root = Path.of("").toAbsolutePath();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick" -> { }
                case "--entries" -> entries = Long.parseLong(value(args, ++i, arg).replace("_", "").replace(",", ""));
                case "--seconds" -> seconds = Integer.parseInt(value(args, ++i, arg));
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i, arg));
                case "--verify-entries" -> verifyEntries = Long.parseLong(value(args, ++i, arg).replace("_", ""));
                case "--max-growth-minutes" -> maxGrowthMinutes = Double.parseDouble(value(args, ++i, arg));
                case "--soak-minutes" -> soakMinutes = Double.parseDouble(value(args, ++i, arg));
                case "--only" -> {
                    only = new LinkedHashSet<>(Arrays.asList(value(args, ++i, arg).split(",")));
                    Set<String> unknown = new TreeSet<>(only);
                    unknown.removeAll(GROUPS);
                    if (!unknown.isEmpty()) {
                        throw new IllegalArgumentException("unknown groups " + unknown + "; known: " + GROUPS);
                    }
                }
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--root" -> root = Path.of(value(args, ++i, arg)).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown argument " + arg
                        + "; usage: [--quick] [--entries N] [--seconds S] [--warmup S] [--verify-entries N] [--max-growth-minutes M] [--soak-minutes M]"
                        + " [--only " + String.join(",", GROUPS) + "] [--out FILE] [--root DIR]");
            }
        }
        if (!(soakMinutes > 0)) {
            throw new IllegalArgumentException("--soak-minutes must be more than 0");
        }
        if (entries < 1_000) {
            throw new IllegalArgumentException("--entries must be at least 1000");
        }
        StringBuilder command = new StringBuilder("./ledger bench");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--root") || args[i].equals("--out")) {
                i++;
            } else {
                command.append(' ').append(args[i]);
            }
        }
        return new BenchOptions(quick, entries, seconds, warmup, verifyEntries, maxGrowthMinutes, soakMinutes, only, out, root, command.toString());
    }

    /** A stand-alone benchmark's positional argument {@code i} as an int ({@code 2_000_000} allowed), or {@code otherwise}. */
    static int positional(String[] args, int i, int otherwise) {
        return args.length > i ? Integer.parseInt(args[i].replace("_", "")) : otherwise;
    }

    boolean runs(String group) {
        return only.contains(group);
    }

    /** The book sizes proofs and book loads are measured at: 1k, 100k, 1M below {@link #entries}, then it. */
    List<Long> sizes() {
        TreeSet<Long> sizes = new TreeSet<>();
        for (long size : new long[] {1_000, 100_000, 1_000_000}) {
            if (size < entries) {
                sizes.add(size);
            }
        }
        sizes.add(entries);
        return List.copyOf(sizes);
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }
}
