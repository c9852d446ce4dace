package org.gongzhang.service.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.gongzhang.service.GongzhangApplication;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.entry.EntryDraft;
import org.gongzhang.verifier.entry.SignedEntry;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Append benchmark: the machine's limits (single-thread Ed25519 sign and verify, durable single-row
 * inserts of an entry's size on the same PostgreSQL), then signed {@code voucher.recorded} entries
 * appended through the HTTP API by {@code clients} clients, each on its own book, each signing
 * locally and tracking its book's head from the receipts; and clients sharing one book through its
 * lease. Used by
 * {@link LedgerBenchmark} ({@code ./ledger bench}); its own main takes the client counts:
 *
 * <pre>java -cp "audit-service/target/test-classes:audit-service/target/classes:…" \
 *     org.gongzhang.service.bench.AppendBenchmark 1 8 32</pre>
 */
public final class AppendBenchmark {

    private static final int SECONDS = 8;

    private static final ObjectMapper JSON = new ObjectMapper();

    private AppendBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> concurrency = args.length == 0 ? List.of(1) : java.util.Arrays.stream(args).map(Integer::valueOf).toList();
        System.setProperty("axoniq.update-checker.disabled", "true");
        try (ConfigurableApplicationContext context = SpringApplication.run(GongzhangApplication.class,
                "--server.port=0", "--ledger.embedded-postgres.ephemeral=true", "--ledger.demo.enabled=false",
                "--ledger.keystore.iterations=" + ServiceIT.FAST_KEY_FILES,
                "--logging.level.root=WARN")) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            System.out.printf("cores: %d, java %s%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            System.out.printf("limit: ed25519 sign, 1 thread   %,10.0f /s%n", signRate());
            System.out.printf("limit: ed25519 verify, 1 thread %,10.0f /s%n", verifyRate());
            DataSource dataSource = context.getBean(DataSource.class);
            int rowBytes = entryBytes(port);
            for (int clients : concurrency) {
                System.out.printf("limit: durable %,d-byte inserts, %2d connections %,10.0f /s%n", rowBytes, clients,
                        insertRate(dataSource, clients, SECONDS, rowBytes));
                System.out.printf("product: signed entries via HTTP, %2d clients/books %,10.0f /s%n", clients,
                        appendRate(port, clients, SECONDS));
                OneBook oneBook = oneBookRate(port, clients, SECONDS, true);
                System.out.printf("product: signed entries via HTTP, %2d clients, 1 book, leases %,10.0f /s (%,d x 409, "
                        + "%,d x 503)%n", clients, oneBook.rate(), oneBook.refused(), oneBook.busy());
            }
        }
    }

    static double signRate() {
        KeyPair pair = SignatureSuite.ED25519.generateKeyPair();
        byte[] message = new byte[600];
        long n = 0;
        long end = System.nanoTime() + 3_000_000_000L;
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            message[(int) (n++ % 600)]++;
            SignatureSuite.ED25519.sign(pair.getPrivate(), message);
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    static double verifyRate() {
        KeyPair pair = SignatureSuite.ED25519.generateKeyPair();
        byte[] message = new byte[600];
        byte[] signature = SignatureSuite.ED25519.sign(pair.getPrivate(), message);
        long n = 0;
        long start = System.nanoTime();
        long end = start + 3_000_000_000L;
        while (System.nanoTime() < end) {
            if (!SignatureSuite.ED25519.verify(pair.getPublic(), message, signature)) {
                throw new IllegalStateException("verification failed");
            }
            n++;
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /** The size in bytes of the signed entry the clients append (its leaf: the entry and its signature as sent). */
    static int entryBytes(int port) {
        TestBook book = new TestBook(new LedgerClient(port), SignatureSuite.ED25519);
        return sign(book, 2, "0".repeat(64)).leaf().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /**
     * Durable single-row inserts of {@code rowBytes} bytes, each its own transaction (autocommit), by
     * {@code clients} threads for {@code seconds}: on connections of its own (as many as clients), not
     * the service's pool, which it would starve.
     */
    static double insertRate(DataSource service, int clients, int seconds, int rowBytes) throws Exception {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        if (service instanceof com.zaxxer.hikari.HikariDataSource pool) {
            config.setJdbcUrl(pool.getJdbcUrl());
            config.setUsername(pool.getUsername());
            config.setPassword(pool.getPassword());
        } else {
            try (Connection c = service.getConnection()) {
                config.setJdbcUrl(c.getMetaData().getURL());
                config.setUsername(c.getMetaData().getUserName());
            }
        }
        config.setMaximumPoolSize(clients);
        config.setPoolName("bench-raw-inserts");
        try (com.zaxxer.hikari.HikariDataSource own = new com.zaxxer.hikari.HikariDataSource(config)) {
            return insertRateOn(own, clients, seconds, rowBytes);
        }
    }

    private static double insertRateOn(DataSource dataSource, int clients, int seconds, int rowBytes) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists bench_insert (id bigserial primary key, payload bytea not null)");
        }
        double rate = concurrently(clients, () -> {
            long n = 0;
            try (Connection c = dataSource.getConnection();
                    PreparedStatement insert = c.prepareStatement("insert into bench_insert (payload) values (?)")) {
                c.setAutoCommit(true);
                byte[] payload = new byte[rowBytes];
                java.util.concurrent.ThreadLocalRandom.current().nextBytes(payload);
                long end = System.nanoTime() + seconds * 1_000_000_000L;
                while (System.nanoTime() < end) {
                    payload[(int) (n % rowBytes)]++;
                    insert.setBytes(1, payload);
                    insert.executeUpdate();
                    n++;
                }
            }
            return n;
        });
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("truncate bench_insert");
        }
        return rate;
    }

    /** {@code clients} clients, each on a book of its own opened for the purpose, appending for {@code seconds}. */
    static double appendRate(int port, int clients, int seconds) throws Exception {
        return appendRate(List.of(port), clients, seconds);
    }

    /**
     * {@code clients} clients, each on a book of its own, client {@code i} talking to the service node
     * at {@code ports[i % ports.size()]} (books opened through that node too): the rate summed over nodes.
     */
    static double appendRate(List<Integer> ports, int clients, int seconds) throws Exception {
        return append(ports, clients, seconds).rate();
    }

    /** What clients appended: entries, over how many seconds of wall time. */
    record Appended(long entries, double seconds) {
        double rate() {
            return entries / seconds;
        }
    }

    /** {@link #appendRate(List, int, int)} with the count of entries appended. */
    static Appended append(List<Integer> ports, int clients, int seconds) throws Exception {
        List<LedgerClient> nodes = ports.stream().map(LedgerClient::new).toList();
        List<TestBook> books = new ArrayList<>();
        Map<TestBook, Integer> portOf = new HashMap<>();
        for (int i = 0; i < clients; i++) {
            TestBook book = TestBook.open(nodes.get(i % nodes.size()));
            books.add(book);
            portOf.put(book, ports.get(i % ports.size()));
        }
        long[] total = new long[1];
        double rate = concurrently(books.size(), books, book -> {
            long n = appendFor(book, portOf.get(book), seconds);
            synchronized (total) {
                total[0] += n;
            }
            return n;
        });
        return new Appended(total[0], total[0] / rate);
    }

    /** What clients sharing one book achieved: accepted entries per second, and how many answers were refusals (409) or busy (503). */
    record OneBook(double rate, long accepted, long refused, long busy) {
        double refusedShare() {
            return refused / (double) Math.max(1, accepted + refused);
        }
    }

    /**
     * {@code clients} clients appending to one book, each taking the book's lease
     * ({@code POST …/lease}, signed by the book's preparer key, waiting up to 30 s), signing at the
     * index and prev it gives and posting with the lease; when {@code chained}, each post but the
     * last also asks for the writer's next lease ({@code Ledger-Lease-Next: 30}), and the client
     * takes it from the answer instead of asking again. A 409 or 503 is counted (and the client
     * asks again); anything else than 200, 201, 409 or 503 stops the benchmark.
     */
    static OneBook oneBookRate(int port, int clients, int seconds, boolean chained) throws Exception {
        TestBook book = TestBook.open(new LedgerClient(port));
        AtomicLong refused = new AtomicLong();
        AtomicLong busy = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        String leasePath = "/api/books/" + book.id + "/lease?wait=30";
        String entries = "/api/books/" + book.id + "/entries";
        double rate = concurrently(clients, () -> {
            long n = 0;
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            try (KeepAlive http = new KeepAlive(port, "en").keepingBodies()) {
                JsonNode granted = null;
                while (System.nanoTime() < end) {
                    if (granted == null) {
                        byte[] request = LedgerClient.leaseRequest(book.preparer, book.id, Instant.now())
                                .getBytes(StandardCharsets.UTF_8);
                        int leased = http.post(leasePath, "application/json", request);
                        if (leased == 503) {
                            busy.incrementAndGet();
                            continue;
                        }
                        if (leased != 200) {
                            throw new IllegalStateException("lease: " + leased + " " + http.body());
                        }
                        granted = JSON.readTree(http.body());
                    }
                    SignedEntry entry = sign(book, granted.get("index").asLong(), granted.get("prev").asText());
                    byte[] leaf = entry.leaf().getBytes(StandardCharsets.UTF_8);
                    String lease = granted.get("lease").asText();
                    granted = null;
                    int status = chained && System.nanoTime() < end
                            ? http.postWith(entries, "application/json", leaf, "Ledger-Lease", lease,
                                    "Ledger-Lease-Next", "30")
                            : http.post(entries, "application/json", leaf, "Ledger-Lease", lease);
                    if (status == 201) {
                        n++;
                        accepted.incrementAndGet();
                        JsonNode next = chained ? JSON.readTree(http.body()).get("nextLease") : null;
                        granted = next == null || next.isNull() ? null : next;
                    } else if (status == 409) {
                        refused.incrementAndGet();
                    } else {
                        throw new IllegalStateException(status + " " + http.body());
                    }
                }
                if (granted != null) {
                    // the time ran out with a next lease in hand: the writers behind it need not wait for it to expire
                    http.delete("/api/books/" + book.id + "/lease/" + granted.get("lease").asText());
                }
            }
            return n;
        });
        return new OneBook(rate, accepted.get(), refused.get(), busy.get());
    }

    private static double concurrently(int clients, Callable<Long> work) throws Exception {
        List<Callable<Long>> tasks = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            tasks.add(work);
        }
        return run(tasks);
    }

    private static <T> double concurrently(int clients, List<T> items, java.util.function.ToLongFunction<T> work)
            throws Exception {
        List<Callable<Long>> tasks = new ArrayList<>();
        for (T item : items) {
            tasks.add(() -> work.applyAsLong(item));
        }
        return run(tasks);
    }

    /** Runs the tasks at once, one thread each; answers their summed count per second of wall time. */
    private static double run(List<Callable<Long>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            long start = System.nanoTime();
            List<Future<Long>> done = new ArrayList<>();
            for (Callable<Long> task : tasks) {
                done.add(pool.submit(task));
            }
            long total = 0;
            for (Future<Long> f : done) {
                total += f.get();
            }
            return total / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * One client appending to its own book (on the node at {@code port}) for {@code seconds}: it
     * signs each entry and posts it on a keep-alive connection of its own ({@link KeepAlive}; a
     * shared {@link java.net.http.HttpClient} spent more CPU per request on these two cores than the
     * service's cheapest pages).
     */
    private static long appendFor(TestBook book, int port, int seconds) {
        JsonNode head = book.client.get("/api/books/" + book.id + "/head").json();
        long index = head.get("size").asLong();
        String prev = head.get("head").asText();
        String path = "/api/books/" + book.id + "/entries";
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long n = 0;
        try (KeepAlive http = new KeepAlive(port, "zh-CN")) {
            while (System.nanoTime() < end) {
                SignedEntry entry = sign(book, index, prev);
                int status = http.post(path, "application/json", entry.leaf().getBytes(StandardCharsets.UTF_8));
                if (status != 201) {
                    throw new IllegalStateException("entry " + index + " of " + book.id + ": " + http.failure());
                }
                prev = entry.hash();
                index++;
                n++;
            }
        }
        return n;
    }

    static SignedEntry sign(TestBook book, long index, String prev) {
        return new EntryDraft(book.id, index, prev, "voucher.recorded", book.preparer.actor(), book.preparer.role(),
                book.preparer.keyId(), book.preparer.suite(), false, UUID.randomUUID().toString(), Instant.now(),
                book.today, book.parkingVoucher("12345.67")).sign(book.preparer.pair().getPrivate());
    }
}
