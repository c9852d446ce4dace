package org.gongzhang.service.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import javax.sql.DataSource;
import org.gongzhang.service.GongzhangApplication;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.ServiceIT;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 12's synthetic city, bounded in time: {@code books} compounds of one street (the demo's and
 * books opened through the API), grown together through the real append path (signed
 * {@code voucher.recorded / reviewed / posted} cycles, in-process {@code EntrySubmissions}, as
 * {@link BookGrowth} does) in bursts of {@code burst} entries per book, as an agent enters a
 * compound's vouchers at month-end, by {@code writers} writers. At each of {@code steps} milestones
 * of total entries (or when the time runs out) the writers pause, the read models catch up, and it
 * measures what grows with the city: the append rate of the stretch just grown, an inclusion proof
 * and a book's summary on random books, a trial balance, the street officer's overview, the
 * database's size and the heap. Prints one Markdown row per milestone. Not a test.
 *
 * <pre>java -cp "audit-service/target/test-classes:audit-service/target/classes:…" \
 *     org.gongzhang.service.bench.CityBenchmark [books 2000] [entries 2000000] [minutes 30] [writers 4] [burst 30] [steps 6]</pre>
 */
public final class CityBenchmark {

    private CityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int books = BenchOptions.positional(args, 0, 2_000);
        long entries = BenchOptions.positional(args, 1, 2_000_000);
        double minutes = BenchOptions.positional(args, 2, 30);
        int writers = BenchOptions.positional(args, 3, 4);
        int burst = BenchOptions.positional(args, 4, 30);
        int steps = BenchOptions.positional(args, 5, 6);
        System.setProperty("axoniq.update-checker.disabled", "true");
        try (ConfigurableApplicationContext context = SpringApplication.run(GongzhangApplication.class,
                "--server.port=0", "--ledger.embedded-postgres.ephemeral=true", "--ledger.demo.enabled=true",
                "--ledger.keystore.iterations=" + ServiceIT.FAST_KEY_FILES, "--logging.level.root=WARN")) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            System.out.printf("# synthetic city: %,d books, up to %,d entries or %.0f min of growth, %d writers, bursts of %d; "
                    + "%d cores; load average %s%n", books, entries, minutes, writers, burst,
                    Runtime.getRuntime().availableProcessors(), Machine.loadAverage());
            int existing = new LedgerClient(port).get("/api/books").json().size();
            long opening = System.nanoTime();
            List<BookGrowth> city = open(context, port, books - existing);
            System.out.printf("opened %,d books in %.0f s (8 writers over HTTP); the %d the demo holds are measured with the "
                    + "others but not grown%n", city.size(), (System.nanoTime() - opening) / 1e9, existing);
            System.out.println();
            System.out.println("| entries in the city | grown at (entries/s) | inclusion proof p50 / p99 | book summary p50 / p99 "
                    + "| trial balance p50 / p95 | overview p50 / p95 | database | heap used | minutes |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            long deadline = System.nanoTime() + (long) (minutes * 60e9);
            long started = System.nanoTime();
            ConcurrentLinkedQueue<BookGrowth> turn = new ConcurrentLinkedQueue<>(city);
            AtomicLong total = new AtomicLong(total(jdbc));
            measure(context, port, jdbc, city, total.get(), Double.NaN, started);
            for (int step = 1; step <= steps && System.nanoTime() < deadline; step++) {
                long target = entries * step / steps;
                long from = total.get();
                long stretch = System.nanoTime();
                grow(turn, writers, burst, target, deadline, total);
                double rate = (total.get() - from) / ((System.nanoTime() - stretch) / 1e9);
                measure(context, port, jdbc, city, total(jdbc), rate, started);
            }
            System.out.printf("%nload average at the end %s%n", Machine.loadAverage());
        }
    }


    private static List<BookGrowth> open(ConfigurableApplicationContext context, int port, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<BookGrowth>> opened = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                opened.add(pool.submit(() -> BookGrowth.open(context, port)));
            }
            List<BookGrowth> city = new ArrayList<>();
            for (Future<BookGrowth> f : opened) {
                city.add(f.get());
            }
            return city;
        } finally {
            pool.shutdown();
        }
    }

    /** Writers take the next book in turn and grow it by one burst, until the city holds {@code target} entries. */
    private static void grow(ConcurrentLinkedQueue<BookGrowth> turn, int writers, int burst, long target, long deadline,
            AtomicLong total) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                running.add(pool.submit(() -> {
                    while (total.get() < target && System.nanoTime() < deadline) {
                        BookGrowth book = turn.poll();
                        if (book == null) {
                            continue;
                        }
                        try {
                            long before = book.size();
                            book.growTo(before + burst, deadline);
                            total.addAndGet(book.size() - before);
                        } finally {
                            turn.add(book);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static long total(JdbcTemplate jdbc) {
        Long sum = jdbc.queryForObject("select coalesce(sum(tree_size), 0) from book_log", Long.class);
        return sum == null ? 0 : sum;
    }

    private static void measure(ConfigurableApplicationContext context, int port, JdbcTemplate jdbc, List<BookGrowth> city,
            long total, double rate, long started) throws InterruptedException {
        Thread.sleep(3_000); // the read models catch up with the stretch just grown
        KeepAlive http = new KeepAlive(port, "zh-CN");
        LongFunction<BookGrowth> random = i -> city.get(ThreadLocalRandom.current().nextInt(city.size()));
        Latencies inclusion = BookGrowth.time(http, i -> {
            BookGrowth book = random.apply(i);
            long size = book.size();
            return "/api/books/" + book.book.id + "/proofs/inclusion?index=" + ThreadLocalRandom.current().nextLong(size)
                    + "&size=" + size;
        }, 50, 300, 10);
        Latencies summary = BookGrowth.time(http, i -> "/api/books/" + random.apply(i).book.id, 50, 300, 10);
        http.close();
        LedgerClient officer = new LedgerClient(port).as("sun-hao");
        String trialBalance = timed(officer, i -> {
            BookGrowth book = random.apply(i);
            String month = book.book.today.toString().substring(0, 7); // its vouchers' month, where it starts
            return "/api/books/" + book.book.id + "/reports/trial-balance?from=" + month + "&to=" + month;
        }, 50);
        String overview = timed(officer, i -> "/api/overview", 30);
        String database = jdbc.queryForObject("select pg_size_pretty(pg_database_size(current_database()))", String.class);
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "| %,d | %s | %s | %s | %s | %s | %s | %s | %.1f |%n", total,
                Double.isNaN(rate) ? "—" : String.format(Locale.ROOT, "%,.0f", rate), inclusion.p50p99(), summary.p50p99(),
                trialBalance, overview, database,
                Machine.megabytes(runtime.totalMemory() - runtime.freeMemory()), (System.nanoTime() - started) / 60e9);
    }

    /** {@code count} GETs one at a time with the officer's session (after 3 unmeasured): "p50 / p95 ms". */
    private static String timed(LedgerClient client, LongFunction<String> path, int count) {
        for (int i = 0; i < 3; i++) {
            client.get(path.apply(i));
        }
        long[] nanos = new long[count];
        int ok = 0;
        int failures = 0;
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            LedgerClient.Answer answer = client.get(path.apply(i));
            if (answer.status() == 200) {
                nanos[ok++] = System.nanoTime() - t;
            } else {
                if (failures++ == 0) {
                    System.out.println("   " + path.apply(i) + ": " + answer.status() + " " + Http.abbreviate(answer.body()));
                }
            }
        }
        if (ok == 0) {
            return "failed";
        }
        return Latencies.of(nanos, ok, failures).p50p95() + " ms" + (failures == 0 ? "" : " (" + failures + " failed)");
    }
}
