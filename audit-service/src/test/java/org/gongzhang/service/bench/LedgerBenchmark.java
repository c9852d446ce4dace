package org.gongzhang.service.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.gongzhang.service.GongzhangApplication;
import org.gongzhang.service.entry.BookWrites;
import org.gongzhang.service.entry.GroupCommit;
import org.gongzhang.service.support.ServiceIT;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./ledger bench}: issue 11's figures in one run on this machine — each limit measured right
 * before the product's figure — printed row by row as measured, then as one table
 * (figure | product | limit | ratio | target | met?) headed by the date, the machine and the load
 * average, and written as Markdown. The service runs in this JVM on an ephemeral embedded
 * PostgreSQL with the demo loaded; the verify benchmark and the cold start run in child JVMs.
 * A benchmark, not a test: it asserts nothing about time. See docs/benchmarks.md.
 */
public final class LedgerBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MILLION = 1_000_000;

    private final BenchOptions options;
    private final Report report = new Report();
    private final List<String> footer = new ArrayList<>();
    private final long started = System.nanoTime();
    private ConfigurableApplicationContext context;
    private int port;
    private Processors processors;
    private CpuMeter cpu;
    private double oneClientRate = Double.NaN;
    private int rowBytes;

    private LedgerBenchmark(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ledger bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            new LedgerBenchmark(options).run();
        } catch (Throwable e) {
            System.out.flush();
            System.err.println("ledger bench: failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private void run() throws Exception {
        String loadAtStart = Machine.loadAverage();
        report.header("### " + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))
                + " — `" + options.command() + "`");
        report.header("machine: " + Machine.describe());
        report.header("load average (1/5/15 min) at start: " + loadAtStart);
        System.setProperty("axoniq.update-checker.disabled", "true");
        progress("starting the service in this JVM (ephemeral embedded PostgreSQL, demo on)");
        long boot = System.nanoTime();
        context = SpringApplication.run(GongzhangApplication.class, "--server.port=0",
                "--ledger.embedded-postgres.ephemeral=true", "--ledger.demo.enabled=true",
                "--ledger.keystore.iterations=" + ServiceIT.FAST_KEY_FILES, "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
        port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        processors = new Processors(context);
        cpu = CpuMeter.of(context.getBean(DataSource.class));
        report.header("database: " + Machine.postgres(context.getBean(DataSource.class)));
        System.out.printf("   service up with the demo in %.1f s on port %d; streaming processors: %s%n",
                (System.nanoTime() - boot) / 1e9, port, processors.describe());
        settle("the demo");
        rowBytes = AppendBenchmark.entryBytes(port);
        try {
            if (options.runs("appends")) {
                appends();
                appendsWithoutProcessors();
            }
            if (options.runs("one-book")) {
                oneBook();
            }
            if (options.runs("import")) {
                voucherImport();
            }
            if (options.runs("verify")) {
                verify();
            }
            if (options.runs("growth")) {
                growth();
            } else if (options.runs("rebuild")) {
                rebuild();
            }
            if (options.runs("portal")) {
                portal();
            }
            memory();
        } finally {
            long books = JSON.readTree(new Http(port).body("/api/books")).size();
            footer.add(String.format(Locale.ROOT, "at the end the service held %,d books and %,d events", books,
                    processors.eventCount(processors.head())));
            progress("stopping the service");
            context.close();
        }
        if (options.runs("start")) {
            coldStart();
        }
        if (options.runs("soak")) {
            soak();
        }
        footer.add("load average (1/5/15 min) at end: " + Machine.loadAverage() + "; the whole run took "
                + Report.seconds((System.nanoTime() - started) / 1e9));
        report.finish(footer, options.out());
    }

    // 1. signed appends over HTTP against raw durable inserts of an entry's size
    private void appends() throws Exception {
        progress("appends: raw inserts, then signed entries over HTTP, each client on its own book");
        // the JIT compiles the append path for a minute or more: a just-started JVM appended at half its
        // later rate, and a service runs for weeks
        double warm = AppendBenchmark.appendRate(port, 8, options.warmup());
        settle("the warm-up");
        footer.add(String.format(Locale.ROOT, "before the append figures, %d s of appends by 8 clients warmed the service "
                + "up (%s/s over the warm-up)", options.warmup(), Report.rate(warm)));
        double[] orders = {1.1, 1.2, 1.3};
        int[] clients = {1, 8, 32};
        for (int i = 0; i < clients.length; i++) {
            int c = clients[i];
            double before = AppendBenchmark.insertRate(context.getBean(DataSource.class), c, options.seconds(), rowBytes);
            progress("appends: " + c + (c == 1 ? " client" : " clients") + " for " + options.seconds() + " s");
            CpuMeter.Reading cpuBefore = cpu.read();
            GroupCommit.Counts groupsBefore = context.getBean(BookWrites.class).groupCounts();
            AppendBenchmark.Appended appended = AppendBenchmark.append(List.of(port), c, options.seconds());
            GroupCommit.Counts grouped = context.getBean(BookWrites.class).groupCounts().minus(groupsBefore);
            double product = appended.rate();
            progress("appends: " + c + (c == 1 ? " client" : " clients") + " done, " + Report.rate(product) + "/s");
            if (c == 1) {
                oneClientRate = product;
            }
            double lag = settle(c + " clients");
            // the processors' catching up is part of what the appends cost
            CpuMeter.Reading spent = cpu.read().minus(cpuBefore);
            double after = AppendBenchmark.insertRate(context.getBean(DataSource.class), c, options.seconds(), rowBytes);
            // on a shared machine a limit measured low was disturbed: the better of the two is the limit
            double raw = Math.max(before, after);
            report.ratio(orders[i], String.format("signed appends over HTTP, %d client%s on %s", c, c == 1 ? "" : "s",
                    c == 1 ? "its own book" : c + " books"), product, "/s", raw,
                    String.format(Locale.ROOT, "raw durable %,d-byte insert, %d connection%s: %s/s", rowBytes, c,
                            c == 1 ? "" : "s", Report.rate(raw)), 0.5, c == 32 ? 1_500 : 0,
                    String.format(Locale.ROOT, "%d s each; the limit is the better of the raw rates measured right "
                            + "before (%s/s) and right after (%s/s) the appends; the streaming processors (reporting "
                            + "read model, checkpoints, sagas) caught up %s after the appends stopped; CPU per append "
                            + "%s; group commit: %s", options.seconds(), Report.rate(before), Report.rate(after),
                            lagText(lag), spent.per(appended.entries()), grouped));
            if (c == 32) {
                cpuRow(1.4, "CPU per signed append, 32 clients (service and PostgreSQL)", spent, appended.entries());
            }
        }
    }

    /**
     * CPU per append against what the target rate allows on this machine: its cores' seconds per
     * second shared among 1,500 appends. It moves less with the machine's other load than a rate does,
     * but still by up to ±30 % between runs when that load is high (docs/benchmarks.md).
     */
    private void cpuRow(double order, String figure, CpuMeter.Reading spent, long entries) {
        int cores = Runtime.getRuntime().availableProcessors();
        double allowed = 1000.0 * cores / 1_500;
        double used = spent.productMillisPer(entries);
        report.add(new Report.Row(order, figure, Report.fixed(used, 2) + " ms",
                String.format(Locale.ROOT, "%d cores ÷ 1,500/s: %s ms", cores, Report.fixed(allowed, 2)),
                Report.fixed(allowed / used, 3), "≥ 1.0 (room for 1,500/s)", Report.yes(used <= allowed),
                String.format(Locale.ROOT, "from /proc over the %,d appends and the processors' catching up after: %s; "
                        + "the service is this JVM's threads but the load generator's and the JIT compiler's "
                        + "(both apart), PostgreSQL is its postmaster and every child", entries, spent.per(entries))));
    }

    /**
     * What the streaming processors cost the appends: 8 clients again with every streaming processor
     * (read model, checkpoints, sagas) shut down, then the processors started and left to catch up.
     * Not a target; it says how much of the append figure they take on this machine.
     */
    private void appendsWithoutProcessors() throws Exception {
        // with them right before, so that both see the same warm-up (the JIT still compiles for minutes)
        progress("appends: 8 clients with the streaming processors, then with them shut down");
        CpuMeter.Reading withBefore = cpu.read();
        AppendBenchmark.Appended with = AppendBenchmark.append(List.of(port), 8, options.seconds());
        settle("8 clients");
        CpuMeter.Reading withSpent = cpu.read().minus(withBefore);
        List<org.axonframework.eventhandling.StreamingEventProcessor> stopped = processors.stopStreaming();
        CpuMeter.Reading cpuBefore = cpu.read();
        AppendBenchmark.Appended appended = AppendBenchmark.append(List.of(port), 8, options.seconds());
        CpuMeter.Reading spent = cpu.read().minus(cpuBefore);
        double without = appended.rate();
        Processors.start(stopped);
        double lag = settle("the processors' restart");
        progress("appends: 8 clients without processors done, " + Report.rate(without) + "/s");
        report.add(new Report.Row(1.25, "signed appends over HTTP, 8 clients, streaming processors shut down",
                Report.rate(without) + "/s", "with them, right before: " + Report.rate(with.rate()) + "/s",
                Report.fixed(without / with.rate(), 3), "—", "—", String.format(Locale.ROOT, "%d s each; the %d "
                        + "processors (reporting read model, checkpoints, sagas) shut down during the second and "
                        + "caught up %s after their restart (not counted): what they cost the appends on this "
                        + "machine. CPU per append with them %s; without them %s", options.seconds(), stopped.size(),
                        lagText(lag), withSpent.per(with.entries()), spent.per(appended.entries()))));
    }

    // 2. clients sharing one book through its lease
    private void oneBook() throws Exception {
        progress("one book: 8 and 32 clients, each taking the book's lease, signing at its index and posting");
        double alone = oneClientRate;
        if (Double.isNaN(alone)) {
            alone = AppendBenchmark.appendRate(port, 1, options.seconds());
            settle("1 client");
        }
        double[] orders = {2.1, 2.2, 2.3};
        int[] clients = {8, 32, 8};
        for (int i = 0; i < clients.length; i++) {
            // the rows with a target: each writer asks for its next lease with each entry, as a
            // writer with many entries does; the last row: a lease request before each entry
            boolean chained = i < 2;
            CpuMeter.Reading cpuBefore = cpu.read();
            AppendBenchmark.OneBook result = AppendBenchmark.oneBookRate(port, clients[i], options.seconds(), chained);
            double lag = settle(clients[i] + " clients on one book");
            CpuMeter.Reading spent = cpu.read().minus(cpuBefore);
            double ratio = result.rate() / alone;
            report.add(new Report.Row(orders[i], String.format("%d clients on ONE book (leases%s)", clients[i],
                            chained ? "" : ", a lease request before each entry"),
                    String.format(Locale.ROOT, "%s/s, %.0f %% refused (409)", Report.rate(result.rate()),
                            100 * result.refusedShare()),
                    "1 client on its own book: " + Report.rate(alone) + "/s", Report.fixed(ratio, 3),
                    chained ? "no collapse (≥ 0.9 × 1 client)" : "—", chained ? Report.yes(ratio >= 0.9) : "—",
                    String.format(Locale.ROOT, "%d s; each client takes the book's lease (POST …/lease, waiting "
                            + "its turn), signs at the index and prev it gives and posts with Ledger-Lease%s: %,d "
                            + "accepted, %,d × 409, %,d × 503 book.lease.busy; processors caught up %s after; CPU "
                            + "per entry, lease requests included, %s", options.seconds(), chained
                                    ? " and Ledger-Lease-Next: 30, taking its next lease from the answer" : ", then asks "
                                    + "again", result.accepted(), result.refused(), result.busy(), lagText(lag),
                            spent.per(result.accepted()))));
        }
    }

    // 3. voucher import against raw inserts ÷ entries per voucher
    private void voucherImport() throws Exception {
        progress("voucher import: the demo year's vouchers as CSV into fresh books");
        // the import's own code warmed up first, as the appends are (in a run of this group alone it
        // would be timed cold, and after 5 files the JIT compiler still took more CPU than the import):
        // files into books of their own, untimed, for --warmup seconds and at least 2 (quick) or 5 files
        VoucherImportBenchmark imports = new VoucherImportBenchmark(context, port);
        long warmUntil = System.nanoTime() + options.warmup() * 1_000_000_000L;
        int warmUp = 0;
        while (warmUp < (options.quick() ? 2 : 5) || System.nanoTime() < warmUntil) {
            warmUp += imports.run(1).files();
        }
        settle("the import's warm-up");
        // the limit right before and right after the import, the better of the two, as for the appends
        // (the rate of one connection moved by half between runs minutes apart on this shared host)
        double rawBefore = AppendBenchmark.insertRate(context.getBean(DataSource.class), 1, options.seconds(), rowBytes);
        CpuMeter.Reading cpuBefore = cpu.read();
        // the same instance, logged in already: the timed CPU is the import's, not two BCrypt logins'
        VoucherImportBenchmark.Result result = imports.run(options.quick() ? 2 : 10, options.seconds());
        double lag = settle("the import");
        CpuMeter.Reading spent = cpu.read().minus(cpuBefore);
        double rawAfter = AppendBenchmark.insertRate(context.getBean(DataSource.class), 1, options.seconds(), rowBytes);
        double raw = Math.max(rawBefore, rawAfter);
        double perVoucher = result.entriesPerVoucher();
        report.ratio(3, String.format(Locale.ROOT, "voucher import (%.1f entries each)", perVoucher),
                result.vouchersPerSecond(), " vouchers/s", raw / perVoucher,
                String.format(Locale.ROOT, "raw 1 connection ÷ %.1f: %s/s", perVoucher, Report.rate(raw / perVoucher)),
                0.5, 0, String.format(Locale.ROOT, "%d CSV file%s of %,d vouchers (%,d entries) through POST "
                        + "…/imports/vouchers in %.1f s, after %d untimed to warm up (--warmup %d s); processors caught up %s after; "
                        + "the limit is the better of the raw rates right before (%s/s) and right after (%s/s); "
                        + "CPU per voucher %s (the new books' genesis and opening balances, untimed, and the "
                        + "processors catching up included)", result.files(), result.files() == 1 ? "" : "s",
                        result.vouchers(), result.entries(), result.seconds(), warmUp, options.warmup(), lagText(lag),
                        Report.rate(rawBefore), Report.rate(rawAfter), spent.per(result.vouchers())));
    }

    // 4. offline verify (the verifier module's benchmark in a child JVM)
    private void verify() throws Exception {
        long entries = options.verifyEntries();
        String size = String.format(Locale.ROOT, "%,d entries", entries);
        Optional<Path> classes = VerifyRow.testClasses(options.root());
        if (classes.isEmpty()) {
            report.add(new Report.Row(4, "offline verify, " + size, "not measured", "—", "—", "≥ 0.8", "—",
                    "verifier/target/test-classes is missing: compile the verifier's tests (./ledger bench does)"));
            return;
        }
        progress("offline verify: VerifyBenchmark.run(" + entries + ", ed25519, 3 rounds, CLI at -Xmx512m) in a child JVM");
        VerifyRow.Result r = VerifyRow.run(classes.get(), options.root().resolve("target/bench-verify"), entries);
        if (!r.measured()) {
            report.add(new Report.Row(4, "offline verify, " + size, "failed (exit " + r.exitCode() + ")", "—", "—",
                    "≥ 0.8", "NO", "VerifyBenchmark.run in a child JVM; its last line: " + r.lastLine()));
            return;
        }
        int cores = (int) r.number("cores");
        double bare = r.number("bareVerifiesPerSecond");
        double limit = r.number("limitPerSecond");
        String limitText = String.format(Locale.ROOT, "%s bare Ed25519 verifies/s (%d cores × %s, or more on every core"
                + " at once)", Report.rate(limit), cores, Report.rate(bare));
        double ratio = r.number("ratio");
        report.add(new Report.Row(4, "offline verify (library), " + size, Report.rate(r.number("entriesPerSecond"))
                + " entries/s", limitText, Report.fixed(ratio, 3), "≥ 0.8", Report.yes(ratio >= 0.8),
                String.format(Locale.ROOT, "VerifyBenchmark.run (verifier/src/test) in a child JVM: Verifier.verifyFile "
                        + "on a %s MB bundle file, median of 3 rounds, each between two bare-rate measurements of 3,000 distinct "
                        + "signatures; a round's limit: the higher of cores × one thread and every core at once, the "
                        + "mean of before and after; ratio: the median of the per-round ratios; bare on every core at "
                        + "once %s/s; per CPU-second "
                        + "%s; %s in all; load before, each round, after: %s", r.number("bundleBytes") / 1e6 >= 10
                                ? Report.fixed(r.number("bundleBytes") / 1e6, 0) : Report.fixed(r.number("bundleBytes") / 1e6, 1),
                        Report.rate(r.number("bareAllCoresPerSecond")), Report.fixed(r.number("cpuRatio"), 2),
                        Report.seconds(r.seconds()), r.fields().getOrDefault("loadAverages", "?"))));
        boolean atScale = entries >= MILLION;
        if (!r.fields().containsKey("cli.ok")) {
            return;
        }
        boolean ok = r.flag("cli.ok");
        double cliRate = r.number("cli.entriesPerSecond");
        double cliBare = (r.number("cli.bareBefore") + r.number("cli.bareAfter")) / 2;
        double cliLimit = (r.number("cli.limitBefore") + r.number("cli.limitAfter")) / 2;
        double cliRatio = r.number("cli.ratio");
        report.add(new Report.Row(4.1, "CLI verify (ledger verify -Xmx512m), " + size, Report.rate(cliRate)
                + " entries/s" + (ok ? "" : ", FAILED"), String.format(Locale.ROOT, "%s bare Ed25519 verifies/s (%d "
                        + "cores × %s, or more on every core at once)", Report.rate(cliLimit), cores,
                        Report.rate(cliBare)), Report.fixed(cliRatio, 3), "≥ 0.8",
                Report.yes(ok && cliRatio >= 0.8), String.format(Locale.ROOT, "ledger verify BUNDLE --log-key KEY "
                        + "in a child JVM, JVM start included: %s in %s, exit %s; it said: %s; its limit is its own, "
                        + "measured as a library round's right before it (one thread %s/s) and right after it (%s/s), "
                        + "their mean; against the library rounds' median limit the ratio is %s",
                        ok ? "verified" : "FAILED", Report.seconds(r.number("cli.seconds")), r.fields().get("cli.exitCode"),
                        r.fields().getOrDefault("cli.summary", ""), Report.rate(r.number("cli.bareBefore")),
                        Report.rate(r.number("cli.bareAfter")), Report.fixed(cliRate / limit, 3))));
        long after = (long) r.number("cli.peakHeapAfterGcMb");
        report.add(new Report.Row(4.2, "verify memory, " + size, String.format(Locale.ROOT,
                "CLI in 512 MB: %s, heap kept ≤ %,d MB; library: peak heap %s", ok ? "yes" : "NO", after,
                Machine.megabytes((long) r.number("peakHeapBytes"))), "—", "—", "≤ 512 MB at 1M",
                atScale ? Report.yes(ok) : ok ? "so far" : "NO", String.format(Locale.ROOT, "the CLI under -Xmx512m: "
                        + "heap in use at most %,d MB before a GC and %,d MB after one (its GC log), peak RSS %s; the "
                        + "library's peak heap is the sum of pool peaks in its timed rounds, garbage included, under "
                        + "a default max heap of %s", (long) r.number("cli.peakHeapBeforeGcMb"), after,
                        Machine.megabytes((long) r.number("cli.peakRssKb") * 1024),
                        Machine.megabytes((long) r.number("maxHeapBytes")))));
    }

    // 6. (and 5.) grow a book through the append path; proofs and book loads at each size; the rebuild
    private void growth() throws Exception {
        List<Long> sizes = options.sizes();
        progress("growing one book to " + String.format(Locale.ROOT, "%,d", options.entries())
                + " entries; proofs and book load at " + sizes);
        BookGrowth growth = BookGrowth.open(context, port);
        long deadline = System.nanoTime() + (long) (options.maxGrowthMinutes() * 60e9);
        long rebuildAfter = sizes.stream().filter(s -> s <= 100_000).max(Long::compare).orElse(sizes.get(0));
        double growSeconds = 0;
        long grown = 0;
        long from = growth.size();
        boolean rebuilt = false;
        for (long target : sizes) {
            BookGrowth.Stretch stretch = growth.growTo(target, deadline);
            growSeconds += stretch.seconds();
            grown += stretch.to() - stretch.from();
            System.out.printf("   %,d → %,d entries in %s: %s entries/s%n", stretch.from(), stretch.to(),
                    Report.seconds(stretch.seconds()), Report.rate(stretch.rate()));
            double lag = settle("growth to " + stretch.to());
            readsAt(growth, stretch.to(), target, lag);
            if (!rebuilt && (target >= rebuildAfter || !stretch.complete())) {
                rebuild();
                rebuilt = true;
            }
            if (!stretch.complete()) {
                break;
            }
        }
        boolean complete = growth.size() >= options.entries();
        report.add(new Report.Row(6.0, String.format(Locale.ROOT, "growing one book to %,d signed entries",
                options.entries()), String.format(Locale.ROOT, "%s entries/s", Report.rate(grown / growSeconds)),
                "—", "—", "—", complete ? "—" : "NO",
                String.format(Locale.ROOT, "%s: %,d entries appended in %s (%s), vouchers recorded, reviewed and "
                        + "posted in turn, signed ahead by a client-side signer thread%s", complete ? "reached"
                        : "STOPPED at " + String.format(Locale.ROOT, "%,d", growth.size()) + " after --max-growth-minutes "
                                + Report.fixed(options.maxGrowthMinutes(), 0), grown, Report.seconds(growSeconds),
                        growth.path(), from > 0 ? "; the book started with its genesis and opening balances" : "")));
    }

    private void readsAt(BookGrowth growth, long size, long intended, double lag) {
        String book = growth.book.id;
        KeepAlive http = new KeepAlive(port, "zh-CN");
        int max = options.quick() ? 200 : 1_000;
        double seconds = options.quick() ? 5 : 30;
        Latencies head = BookGrowth.time(http, i -> "/api/books/" + book + "/head", 5, max, seconds);
        Latencies inclusion = BookGrowth.time(http, i -> "/api/books/" + book + "/proofs/inclusion?index="
                + ThreadLocalRandom.current().nextLong(size) + "&size=" + size, 5, max, seconds);
        Latencies consistency = BookGrowth.time(http, i -> "/api/books/" + book + "/proofs/consistency?from="
                + (1 + ThreadLocalRandom.current().nextLong(size - 1)) + "&to=" + size, 5, max, seconds);
        Latencies load = BookGrowth.time(http, i -> "/api/books/" + book, 5, max, seconds);
        http.close();
        String label = size >= MILLION && size % MILLION == 0 ? (size / MILLION) + "M"
                : size >= 1_000 && size % 1_000 == 0 ? (size / 1_000) + "k" : String.format(Locale.ROOT, "%,d", size);
        String headText = "GET /head p99 " + Report.ms(head.p99()) + " ms";
        String reached = size < intended ? String.format(Locale.ROOT, " (growth stopped short of %,d)", intended) : "";
        double order = Math.log10(size) / 100;
        latencyRow(6.1 + order, "inclusion proof p50 / p99, book of " + label + reached, inclusion, headText, 5, size);
        latencyRow(6.2 + order, "consistency proof p50 / p99, book of " + label + reached, consistency, headText, 5,
                size);
        latencyRow(6.3 + order, "GET /api/books/{book} p50 / p99, book of " + label + reached, load, headText, 20, size);
        System.out.printf("   (the processors caught up %s after the growth; head %s)%n", lagText(lag), head);
    }

    private void latencyRow(double order, String figure, Latencies latencies, String limit, double targetMs, long size) {
        boolean within = latencies.count() > 0 && latencies.p99() <= targetMs && latencies.failures() == 0;
        String met = size >= MILLION ? Report.yes(within) : within ? "so far" : "NO";
        report.add(new Report.Row(order, figure, latencies.p50p99() + " ms", limit, "—",
                "p99 ≤ " + Report.fixed(targetMs, 0) + " ms at 1M", met,
                latencies + ", one request at a time on a keep-alive connection after "
                        + BookGrowth.WARMUP_REQUESTS + " unmeasured, random index / from"));
    }

    // 5. reporting read-model rebuild
    private void rebuild() {
        progress("reporting read model: the processor's own replay after a reset, then the service's rebuild");
        settle("before the rebuild");
        CpuMeter.Reading cpuBefore = cpu.read();
        Processors.Rebuild replay = processors.replayReporting(Duration.ofHours(3));
        CpuMeter.Reading replaySpent = cpu.read().minus(cpuBefore).serviceOnly();
        settle("before the rebuild");
        cpuBefore = cpu.read();
        Processors.Rebuild rebuild = processors.rebuildReporting(Duration.ofHours(3));
        // its reading and writing threads end with it
        CpuMeter.Reading spent = cpu.read().minus(cpuBefore).serviceOnly();
        report.add(new Report.Row(5, String.format(Locale.ROOT, "reporting read-model rebuild, %,d events",
                rebuild.events()), Report.rate(rebuild.rate()) + " events/s", "—", "—", "≥ 20,000 events/s",
                Report.yes(rebuild.rate() >= 20_000), String.format(Locale.ROOT, "the service's rebuild "
                        + "(ReportingRebuild: the processor stopped and reset, its reset handler emptying the tables, "
                        + "not timed; the log applied in chunks of 1,000 events, read on one thread while two others "
                        + "write, each for its share of the books; the processor started after them) timed until the processor's token reached the "
                        + "event store's head: %,d events in %s; CPU per event %s. Right before it, Axon's own replay "
                        + "after a reset: %s events/s (%s; CPU per event %s)", rebuild.events(),
                        Report.seconds(rebuild.seconds()), spent.microsPer(rebuild.events()),
                        Report.rate(replay.rate()), Report.seconds(replay.seconds()),
                        replaySpent.microsPer(replay.events()))));
    }

    /** Seconds of unmeasured load on the public pages before their rows: a fresh JVM's JIT takes about two minutes. */
    private static final double PORTAL_WARMUP_SECONDS = 120;

    // 7. the public portal at 200 connections
    private void portal() throws Exception {
        progress("portal: 200 connections on the home page, a street's page, a search and a published statement's page");
        Http http = new Http(port);
        String statementPath = null;
        for (String book : List.of("lanyuan-public", "guiyuan-public")) {
            for (JsonNode version : JSON.readTree(http.body("/api/books/" + book + "/statements"))) {
                if ("PUBLISHED".equals(version.path("status").asText()) && statementPath == null) {
                    statementPath = "/public/books/" + book + "/statements/" + version.get("statementId").asText();
                }
            }
        }
        int requests = options.quick() ? 50_000 : 200_000;
        double seconds = options.quick() ? 5 : 30;
        // every row's pages come from PublicPageCache on the same serving path: the first row measured
        // a fresh JVM's JIT at work (2026-12-07: the home page 166 µs per request and p99 66 ms first,
        // 65 µs and 32.5 ms when measured again after the other rows), so that path is warmed first
        double warmup = options.quick() ? 10 : PORTAL_WARMUP_SECONDS;
        progress(String.format(Locale.ROOT, "portal: %.0f s of the same load, unmeasured, to warm the serving path", warmup));
        PortalLoad.run(port, "/", 200, warmup, 1, 0, () -> { });
        portalRow(7.1, "public home page /", "/", requests, seconds);
        // every book the benchmark opens is in the demo's street: its page lists them all, as the home page did
        portalRow(7.12, String.format(Locale.ROOT, "a street's page (%,d compounds)", compoundsIn(http, "beishan")),
                "/public/streets/beishan", requests, seconds);
        portalRow(7.14, "a search for a compound", "/public/compounds?q=%E5%85%B0%E5%9B%AD", requests, seconds);
        if (statementPath == null) {
            report.add(new Report.Row(7.2, "public statement page", "not measured", "—", "—", "p99 ≤ 50 ms", "—",
                    "the demo books hold no published statement"));
        } else {
            portalRow(7.2, "public statement page", statementPath, requests, seconds);
        }
    }

    /** How many compounds the street's page lists, read from the page itself. */
    private static int compoundsIn(Http http, String street) throws Exception {
        String page = http.body("/public/streets/" + street);
        return (int) java.util.regex.Pattern.compile("href=\"/public/books/").matcher(page).results().count();
    }

    private void portalRow(double order, String figure, String path, int requests, double seconds) throws Exception {
        double warmup = options.quick() ? 5 : 10;
        CpuMeter.Reading[] cpuBefore = new CpuMeter.Reading[1];
        PortalLoad.Result r = PortalLoad.run(port, path, 200, warmup, requests, seconds,
                () -> cpuBefore[0] = cpu.read());
        CpuMeter.Reading spent = cpu.read().minus(cpuBefore[0]);
        Latencies l = r.latencies();
        boolean met = l.count() > 0 && l.failures() == 0 && l.p99() <= 50;
        report.add(new Report.Row(order, figure + " p50 / p99, 200 connections", l.p50p99() + " ms", "—", "—",
                "p99 ≤ 50 ms", Report.yes(met), String.format(Locale.ROOT,
                        "GET %s: %s, %s req/s over %s after %s of unmeasured requests (and the portal's warm-up), each of 200 threads on a "
                                + "keep-alive connection of its own, accepting gzip as a phone's browser does; "
                                + "CPU per request %s; the load generator's own threads %.0f µs per request",
                        path, l, Report.rate(r.perSecond()), Report.seconds(r.seconds()), Report.seconds(warmup),
                        spent.microsPer(l.count() + l.failures()), r.clientMicrosPerRequest())));
        settle("the portal");
    }

    // 9. the JVM's memory after the run
    private void memory() {
        System.gc();
        long pid = ProcessHandle.current().pid();
        long rss = Machine.statusKb(pid, "VmRSS");
        long peak = Machine.statusKb(pid, "VmHWM");
        Runtime runtime = Runtime.getRuntime();
        long heapUsed = runtime.totalMemory() - runtime.freeMemory();
        report.add(new Report.Row(9, "JVM resident memory after the run (service + load generator)",
                String.format(Locale.ROOT, "%s RSS (peak %s), heap used %s", Machine.megabytes(rss * 1024),
                        Machine.megabytes(peak * 1024), Machine.megabytes(heapUsed)), "—", "—", "bounded", "—",
                String.format(Locale.ROOT, "VmRSS / VmHWM of this JVM from /proc, heap used after a GC; max heap %s; "
                        + "the embedded PostgreSQL's processes not counted", Machine.megabytes(runtime.maxMemory()))));
    }

    // 8. cold start and warm restart in a child JVM
    private void coldStart() throws Exception {
        progress("cold start: the service in a child JVM, demo on, fresh data directory; then a warm restart");
        ColdStart.Result r = ColdStart.run(options.root());
        String how = r.launcher() + "; no key store passphrase given, as ./ledger serve runs the demo: the service "
                + "generates one, and its " + r.keyFiles() + " key files cost 10,000 PBKDF2 iterations each";
        report.add(new Report.Row(8.1, "cold start to health UP (demo on, empty data directory)",
                Report.seconds(r.coldHealthUp()), "—", "—", "≤ 10 s", Report.yes(r.coldHealthUp() <= 10),
                how + "; " + r.cluster() + "; includes the migrations"));
        report.add(new Report.Row(8.2, "cold start until the demo is loaded", Report.seconds(r.coldDemoLoaded()), "—",
                "—", "—", "—", "until the demo's last step is logged (\"Demo logins created\")"));
        report.add(new Report.Row(8.3, "warm restart to health UP (existing data directory)",
                Report.seconds(r.warmHealthUp()), "—", "—", "≤ 10 s", Report.yes(r.warmHealthUp() <= 10),
                "the same data directory after a SIGTERM stop"));
        report.add(new Report.Row(8.4, "first start of a deployment to health UP (own passphrase, demo off)",
                Report.seconds(r.deploymentHealthUp()), "—", "—", "≤ 10 s", Report.yes(r.deploymentHealthUp() <= 10),
                "LEDGER_KEYSTORE_PASSPHRASE given, so its " + r.deploymentKeyFiles() + " key file(s) cost the default "
                        + "600,000 PBKDF2 iterations each; ledger.demo.enabled=false, ledger.signing.custodial=false; "
                        + "an empty data directory (made as the cold start's, with its migrations)"));
        report.add(new Report.Row(9.1, "service JVM resident memory after cold start with the demo",
                Machine.megabytes(r.coldRssKb() * 1024) + " RSS", "—", "—", "bounded", "—",
                "VmRSS of the child service JVM when the demo was loaded (after the warm restart, 2 s idle: "
                        + Machine.megabytes(r.warmRssKb() * 1024) + "); the heap as the cold start's launcher sets it"));
    }

    // 9. the service's memory through minutes of load, in a child JVM as ./ledger serve runs it
    private void soak() throws Exception {
        progress(String.format(Locale.ROOT, "soak: the service in a child JVM, demo on, %s min of %d writers and %d readers",
                Report.fixed(options.soakMinutes(), 1), Soak.WRITERS, Soak.READERS));
        Soak.Result r = Soak.run(options.root(), options.soakMinutes());
        Soak.Sample first = r.at(60);
        Soak.Sample middle = r.at(r.last().seconds() / 2);
        Soak.Sample last = r.last();
        double m = last.seconds() / 60;
        String minutes = Report.fixed(m, m < 10 ? 1 : 0) + " min";
        long bound = r.heapMaxKb() < 0 ? -1 : r.heapMaxKb() + 512 * 1024;
        report.add(new Report.Row(9.2, "service JVM resident memory through " + minutes + " of load",
                String.format(Locale.ROOT, "%s before the load, %s after %s, %s after %s, %s at the end (peak %s); "
                        + "heap in use after a full GC %s", Machine.megabytes(r.samples().get(0).rssKb() * 1024),
                        Machine.megabytes(first.rssKb() * 1024), Report.seconds(first.seconds()),
                        Machine.megabytes(middle.rssKb() * 1024), Report.seconds(middle.seconds()),
                        Machine.megabytes(last.rssKb() * 1024), Machine.megabytes(r.peakKb() * 1024),
                        Machine.megabytes(r.heapUsedAfterGcKb() * 1024)),
                "—", "—", "bounded: peak ≤ max heap + 512 MB", bound < 0 ? "—" : Report.yes(r.peakKb() <= bound),
                String.format(Locale.ROOT, "VmRSS of the service's own JVM (%s) sampled every %d s, VmHWM at the end; "
                        + "max heap %s; heap after GC from jcmd GC.run and GC.heap_info; the embedded PostgreSQL's "
                        + "processes not counted. RSS over the run: %s%s", r.launcher(), Soak.SAMPLE_SECONDS,
                        Machine.megabytes(r.heapMaxKb() * 1024), rssCurve(r),
                        r.largest().isEmpty() ? "" : ". Largest in the live heap at the end (jcmd GC.class_histogram): "
                                + r.largest())));
        Soak.Sample fiveIn = r.at(Math.min(300, last.seconds() / 4));
        Soak.Sample fiveBefore = r.at(Math.max(last.seconds() - 300, last.seconds() * 3 / 4));
        report.add(new Report.Row(9.3, "work done through the " + minutes + " of load",
                String.format(Locale.ROOT, "%,d entries appended (%s/s at the start, %s/s at the end), %,d reads, %,d failed",
                        last.appended(), Report.rate(Soak.Result.appendRate(r.samples().get(0), fiveIn)),
                        Report.rate(Soak.Result.appendRate(fiveBefore, last)), last.read(), r.failures()),
                "—", "—", "no failures", Report.yes(r.failures() == 0),
                String.format(Locale.ROOT, "%d writers, each appending signed vouchers to a book of its own over HTTP; "
                        + "%d readers cycling over the home page, a statement page, a book's summary and public page, "
                        + "and inclusion proofs in the writers' books; rates over the first and the last quarter or "
                        + "5 minutes%s", Soak.WRITERS, Soak.READERS,
                        r.failures() == 0 ? "" : "; first failure: " + r.firstFailure())));
    }

    /** The soak's RSS at about every tenth of the run, as "m:ss size" pairs. */
    private static String rssCurve(Soak.Result r) {
        List<String> points = new ArrayList<>();
        double step = r.last().seconds() / 10;
        for (int i = 1; i <= 10; i++) {
            Soak.Sample s = r.at(step * i);
            points.add(String.format(Locale.ROOT, "%d:%02d %s", (int) s.seconds() / 60, (int) s.seconds() % 60,
                    Machine.megabytes(s.rssKb() * 1024)));
        }
        return String.join(", ", points);
    }

    /** Waits for the streaming processors to reach the head; answers the seconds waited (-1: timed out). */
    private double settle(String after) {
        double seconds = processors.settle(Duration.ofMinutes(options.quick() ? 5 : 30));
        if (seconds > 1) {
            System.out.printf("   (streaming processors caught up %s after %s)%n", lagText(seconds), after);
        }
        return seconds;
    }

    private static String lagText(double seconds) {
        return seconds < 0 ? "NOT within the wait" : Report.seconds(seconds);
    }

    private void progress(String what) {
        System.out.printf("[+%s, load %s] %s%n", Report.seconds((System.nanoTime() - started) / 1e9),
                Machine.loadAverage(), what);
    }
}
