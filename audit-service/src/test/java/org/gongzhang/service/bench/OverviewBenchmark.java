package org.gongzhang.service.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gongzhang.service.GongzhangApplication;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 12's overview figure: {@code GET /api/overview} for the town officer of a street of
 * {@code compounds} compounds (the demo's plus books opened through the API, each with its genesis,
 * opening balances and one posted voucher), p50 and p95 over 100 requests. Not a test.
 *
 * <pre>java -cp "audit-service/target/test-classes:audit-service/target/classes:…" \
 *     org.gongzhang.service.bench.OverviewBenchmark 2000</pre>
 */
public final class OverviewBenchmark {

    private OverviewBenchmark() {
    }

    /** The whole service with the demo, on an ephemeral embedded PostgreSQL and a free port. */
    public static ConfigurableApplicationContext demoService() {
        System.setProperty("axoniq.update-checker.disabled", "true");
        return SpringApplication.run(GongzhangApplication.class, "--server.port=0",
                "--ledger.embedded-postgres.ephemeral=true", "--ledger.demo.enabled=true",
                "--ledger.keystore.iterations=" + ServiceIT.FAST_KEY_FILES, "--logging.level.root=WARN");
    }

    public static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public static void main(String[] args) throws Exception {
        int compounds = args.length == 0 ? 2000 : Integer.parseInt(args[0]);
        try (ConfigurableApplicationContext context = demoService()) {
            int port = port(context);
            LedgerClient client = new LedgerClient(port);
            int existing = client.get("/api/books").json().size();
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> opened = new ArrayList<>();
            for (int i = existing; i < compounds; i++) {
                opened.add(pool.submit(() -> {
                    TestBook book = TestBook.open(new LedgerClient(port));
                    book.postVoucher(book.parkingVoucher("100.00"));
                }));
            }
            for (Future<?> f : opened) {
                f.get();
            }
            pool.shutdown();
            System.out.printf("opened %,d books (4 entries each, 8 writers) in %.0f s%n", compounds - existing,
                    (System.nanoTime() - start) / 1e9);
            Thread.sleep(5_000); // the read models catch up
            LedgerClient officer = client.as("sun-hao");
            int listed = officer.get("/api/overview").json().get("compounds").size();
            for (int i = 0; i < 10; i++) {
                officer.get("/api/overview");
            }
            long[] nanos = new long[100];
            for (int i = 0; i < nanos.length; i++) {
                long t = System.nanoTime();
                LedgerClient.Answer answer = officer.get("/api/overview");
                nanos[i] = System.nanoTime() - t;
                if (answer.status() != 200) {
                    throw new IllegalStateException(answer.body());
                }
            }
            Arrays.sort(nanos);
            System.out.printf("GET /api/overview, %,d compounds: p50 %.1f ms, p95 %.1f ms, max %.1f ms (target p95 ≤ 200 ms);"
                    + " load average %s%n", listed, nanos[49] / 1e6, nanos[94] / 1e6, nanos[99] / 1e6, Machine.loadAverage());
        }
    }
}
