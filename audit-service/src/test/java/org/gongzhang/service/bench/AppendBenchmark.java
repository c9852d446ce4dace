package org.gongzhang.service.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Append benchmark: measures the machine's limits first (single-thread Ed25519 sign and verify,
 * durable single-row inserts on the same PostgreSQL), then signed {@code voucher.recorded}
 * entries appended through the HTTP API by {@code clients} clients, each on its own book,
 * each signing locally and tracking its book's head from the receipts.
 *
 * <pre>./mvnw -q -pl audit-service -am install -DskipTests && ./mvnw -q -pl audit-service exec:java \
 *     -Dexec.classpathScope=test -Dexec.mainClass=org.gongzhang.service.bench.AppendBenchmark -Dexec.args="1 16"</pre>
 */
public final class AppendBenchmark {

    private static final long SECONDS = 8;

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
            for (int clients : concurrency) {
                System.out.printf("limit: durable 1-row inserts, %2d connections %,10.0f /s%n", clients,
                        insertRate(dataSource, clients));
                System.out.printf("product: signed entries via HTTP, %2d clients/books %,10.0f /s%n", clients,
                        appendRate(port, clients));
                long[] stale = new long[1];
                double oneBook = oneBookRate(port, clients, stale);
                System.out.printf("product: signed entries via HTTP, %2d clients, 1 book %,10.0f /s (%,d x 409 stale, "
                        + "signed again at the new head; no other answer)%n", clients, oneBook, stale[0]);
            }
        }
    }

    private static double signRate() {
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

    private static double verifyRate() {
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

    /** On connections of its own (as many as clients), not the service's pool, which it would starve. */
    private static double insertRate(DataSource service, int clients) throws Exception {
        com.zaxxer.hikari.HikariDataSource pool = (com.zaxxer.hikari.HikariDataSource) service;
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl(pool.getJdbcUrl());
        config.setUsername(pool.getUsername());
        config.setPassword(pool.getPassword());
        config.setMaximumPoolSize(clients);
        try (com.zaxxer.hikari.HikariDataSource own = new com.zaxxer.hikari.HikariDataSource(config)) {
            return insertRateOn(own, clients);
        }
    }

    private static double insertRateOn(DataSource dataSource, int clients) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists bench_insert (id bigserial primary key, payload bytea not null)");
        }
        return concurrently(clients, () -> {
            long n = 0;
            try (Connection c = dataSource.getConnection();
                    PreparedStatement insert = c.prepareStatement("insert into bench_insert (payload) values (?)")) {
                c.setAutoCommit(true);
                byte[] payload = new byte[900];
                long end = System.nanoTime() + SECONDS * 1_000_000_000L;
                while (System.nanoTime() < end) {
                    insert.setBytes(1, payload);
                    insert.executeUpdate();
                    n++;
                }
            }
            return n;
        });
    }

    private static double appendRate(int port, int clients) throws Exception {
        LedgerClient http = new LedgerClient(port);
        List<TestBook> books = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            books.add(TestBook.open(http));
        }
        return appendConcurrently(books);
    }

    /**
     * {@code clients} clients appending to one book, each building on the head it last saw; a 409
     * {@code entry.index.stale} (another client got there first) makes it read the head and sign again.
     * Anything else than 201 or that 409 stops the benchmark.
     */
    private static double oneBookRate(int port, int clients, long[] stale) throws Exception {
        TestBook book = TestBook.open(new LedgerClient(port));
        java.util.concurrent.atomic.AtomicLong refused = new java.util.concurrent.atomic.AtomicLong();
        double rate = concurrently(clients, () -> {
            long n = 0;
            long end = System.nanoTime() + SECONDS * 1_000_000_000L;
            JsonNode head = book.client.get("/api/books/" + book.id + "/head").json();
            while (System.nanoTime() < end) {
                SignedEntry entry = sign(book, head.get("size").asLong(), head.get("head").asText());
                LedgerClient.Answer answer = book.client.submit(entry);
                if (answer.status() == 201) {
                    n++;
                    head = book.client.get("/api/books/" + book.id + "/head").json();
                } else if (answer.status() == 409 && answer.body().contains("entry.index.stale")) {
                    refused.incrementAndGet();
                    head = book.client.get("/api/books/" + book.id + "/head").json();
                } else {
                    throw new IllegalStateException(answer.status() + " " + answer.body());
                }
            }
            return n;
        });
        stale[0] = refused.get();
        return rate;
    }

    private static double concurrently(int clients, java.util.concurrent.Callable<Long> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            List<Future<Long>> done = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                done.add(pool.submit(work));
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

    private static double appendConcurrently(List<TestBook> books) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(books.size());
        try {
            long start = System.nanoTime();
            List<Future<Long>> done = new ArrayList<>();
            for (TestBook book : books) {
                done.add(pool.submit(() -> appendFor(book)));
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

    /** One client appending to its own book for the benchmark's duration. */
    private static long appendFor(TestBook book) {
        JsonNode head = book.client.get("/api/books/" + book.id + "/head").json();
        long index = head.get("size").asLong();
        String prev = head.get("head").asText();
        long end = System.nanoTime() + SECONDS * 1_000_000_000L;
        long n = 0;
        while (System.nanoTime() < end) {
            SignedEntry entry = sign(book, index, prev);
            LedgerClient.Answer answer = book.client.submit(entry);
            if (answer.status() != 201) {
                throw new IllegalStateException(answer.body());
            }
            prev = entry.hash();
            index++;
            n++;
        }
        return n;
    }

    private static SignedEntry sign(TestBook book, long index, String prev) {
        return new EntryDraft(book.id, index, prev, "voucher.recorded", book.preparer.actor(), book.preparer.role(),
                book.preparer.keyId(), book.preparer.suite(), false, UUID.randomUUID().toString(), Instant.now(),
                book.today, book.parkingVoucher("12345.67")).sign(book.preparer.pair().getPrivate());
    }
}
