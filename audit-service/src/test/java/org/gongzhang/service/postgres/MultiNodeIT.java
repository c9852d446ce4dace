package org.gongzhang.service.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gongzhang.service.support.ChildService;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.PostgresServer;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.verifier.entry.SignedEntry;
import org.junit.jupiter.api.Test;

/**
 * Two service nodes, each its own JVM, on one PostgreSQL server and one key store, as a 街道 would
 * run them behind a load balancer. Writers append to one book through both nodes at once and to a
 * book of their own: no index is taken twice, every acknowledged entry is in the log, each book
 * verifies on either node, and the reporting read model applies every entry exactly once, its two
 * segments run one on each node. A node killed with SIGKILL leaves the other serving, and its
 * tracking processors' claims move over: the survivor runs both segments. Writers who sign their
 * own entries take turns through the book's lease across both nodes, and one node's writers do not
 * keep it from the other's.
 */
class MultiNodeIT extends OnPostgresServer {

    static final int PER_WRITER = 25;


    @Test
    void twoNodesShareTheBooksWithoutEverGivingOneIndexTwiceAndOneSurvivesTheOthersCrash() throws Exception {
        try (TwoNodes nodes = TwoNodes.start("node")) {
            PostgresServer.Database database = nodes.database();
            ChildService a = nodes.a();
            ChildService b = nodes.b();
            TestBook shared = TestBook.open(a.client);
            TestBook ownOfA = TestBook.open(a.client);
            TestBook ownOfB = TestBook.open(b.client);
            Map<String, Map<Long, String>> acknowledged = new ConcurrentHashMap<>();
            AtomicInteger conflicts = new AtomicInteger();
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            done.add(writers.submit(() -> write(shared, a.client, acknowledged, conflicts)));
            done.add(writers.submit(() -> write(shared, b.client, acknowledged, conflicts)));
            done.add(writers.submit(() -> write(ownOfA, a.client, acknowledged, conflicts)));
            done.add(writers.submit(() -> write(ownOfB, b.client, acknowledged, conflicts)));
            for (Future<?> writer : done) {
                writer.get(5, TimeUnit.MINUTES);
            }
            writers.shutdown();

            for (TestBook book : List.of(shared, ownOfA, ownOfB)) {
                long size = a.client.get("/api/books/" + book.id + "/head").json().get("size").asLong();
                assertThat(b.client.get("/api/books/" + book.id + "/head").json().get("size").asLong())
                        .as("both nodes see one head").isEqualTo(size);
                int writersOfBook = book == shared ? 2 : 1;
                assertThat(size).as(book.id).isEqualTo(2 + (long) writersOfBook * PER_WRITER);
                assertThat(acknowledged.get(book.id)).as("every index acknowledged once").hasSize(writersOfBook * PER_WRITER);
                for (Map.Entry<Long, String> entry : acknowledged.get(book.id).entrySet()) {
                    JsonNode stored = a.client.get("/api/books/" + book.id + "/entries/" + entry.getKey()).json();
                    assertThat(SignedEntry.fromLeaf(stored.toString()).hash()).isEqualTo(entry.getValue());
                }
                ExternalPostgresIT.assertVerifies(a.client, book.id, size);
                ExternalPostgresIT.assertVerifies(b.client, book.id, size);
            }
            awaitReadModel(database, List.of(shared, ownOfA, ownOfB), a.client, Duration.ofMinutes(2));
            Set<String> owners = awaitOwners(database, "reporting", 2, Duration.ofSeconds(60));
            assertThat(owners).as("each node runs one of the read model's two segments (Axon names a node pid@host)")
                    .anyMatch(owner -> owner.startsWith(a.pid() + "@")).anyMatch(owner -> owner.startsWith(b.pid() + "@"));

            a.kill();
            List<TestBook> after = List.of(shared, ownOfA);
            for (TestBook book : after) {
                for (int i = 0; i < 3; i++) {
                    append(book, b.client, acknowledged, conflicts);
                }
            }
            awaitReadModel(database, List.of(shared, ownOfA, ownOfB), b.client, Duration.ofMinutes(2));
            Set<String> survivor = awaitOwners(database, "reporting", 1, Duration.ofSeconds(60));
            assertThat(survivor).as("the survivor runs both segments now").allMatch(owner -> owner.startsWith(b.pid() + "@"));
            assertThat(conflicts.get()).as("clients racing on the shared book were refused now and then, never more")
                    .isLessThan(10 * PER_WRITER);
        }
    }

    /**
     * Writers who sign their own entries take turns through the book's lease across nodes: two on
     * each node, each asking its own node for the lease before every entry (a node's queued writers
     * get it handed over at its appends' commits; another node's see it free by reading the lease
     * row), and the last writer on each node asking for its next lease with each entry. None is
     * refused, no index is given twice, and the book verifies on both nodes.
     */
    @Test
    void writersOnBothNodesTakeTurnsThroughTheBooksLease() throws Exception {
        try (TwoNodes nodes = TwoNodes.start("lease")) {
            ChildService a = nodes.a();
            ChildService b = nodes.b();
            TestBook shared = TestBook.open(a.client);
            long before = shared.size();
            int each = 10;
            Map<Long, String> acknowledged = new ConcurrentHashMap<>();
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (ChildService node : List.of(a, b)) {
                done.add(writers.submit(() -> leased(shared, node.client, each, false, acknowledged)));
                done.add(writers.submit(() -> leased(shared, node.client, each, true, acknowledged)));
            }
            for (Future<?> writer : done) {
                writer.get(5, TimeUnit.MINUTES);
            }
            writers.shutdown();
            long size = before + 4L * each;
            assertThat(acknowledged).hasSize(4 * each);
            assertThat(b.client.get("/api/books/" + shared.id + "/head").json().get("size").asLong()).isEqualTo(size);
            ExternalPostgresIT.assertVerifies(a.client, shared.id, size);
            ExternalPostgresIT.assertVerifies(b.client, shared.id, size);
        }
    }

    /**
     * Writers on one node who ask for their next lease with every entry, handing it on among
     * themselves, do not keep the book from a writer on the other node: that writer's node marks the
     * lease as wanted, the first node lets it go at its next hand-over, and each of the second
     * writer's lease requests is granted well within its wait while the others keep writing.
     */
    @Test
    void aWriterOnOneNodeKeepingTheLeaseDoesNotShutOutAWriterOnTheOther() throws Exception {
        try (TwoNodes nodes = TwoNodes.start("fair")) {
            ChildService a = nodes.a();
            ChildService b = nodes.b();
            TestBook shared = TestBook.open(a.client);
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            ExecutorService writers = Executors.newFixedThreadPool(3);
            List<Future<Integer>> keeping = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                keeping.add(writers.submit(() -> keepWriting(a.client, shared, stop)));
            }
            Thread.sleep(1_000);
            for (int i = 0; i < 5; i++) {
                LedgerClient.Answer granted = b.client.lease(shared.preparer, shared.id, 10);
                assertThat(granted.status()).as("turn %d on the other node: %s", i, granted.body()).isEqualTo(200);
                LedgerClient.Answer stored = b.client.submit(shared.voucherAt(shared.preparer, granted.json(), "10.00"),
                        granted.json().get("lease").asText(), "en");
                assertThat(stored.status()).as(stored.body()).isEqualTo(201);
            }
            stop.set(true);
            int kept = 0;
            for (Future<Integer> writer : keeping) {
                kept += writer.get(2, TimeUnit.MINUTES);
            }
            writers.shutdown();
            assertThat(kept).as("the first node's writers kept writing meanwhile").isGreaterThan(15);
            long size = a.client.get("/api/books/" + shared.id + "/head").json().get("size").asLong();
            ExternalPostgresIT.assertVerifies(b.client, shared.id, size);
        }
    }

    /** A writer through {@code node} that asks for its next lease with every entry, until {@code stop}: how many it wrote. */
    private static int keepWriting(LedgerClient node, TestBook shared, java.util.concurrent.atomic.AtomicBoolean stop) {
        JsonNode lease = null;
        int n = 0;
        while (!stop.get()) {
            if (lease == null) {
                LedgerClient.Answer granted = node.lease(shared.preparer, shared.id, 30);
                assertThat(granted.status()).as(granted.body()).isEqualTo(200);
                lease = granted.json();
            }
            LedgerClient.Answer stored = node.submitAskingNext(shared.voucherAt(shared.preparer, lease, "10.00"),
                    lease.get("lease").asText(), stop.get() ? "0" : "30", "en");
            assertThat(stored.status()).as(stored.body()).isEqualTo(201);
            n++;
            lease = stored.json().get("nextLease");
        }
        if (lease != null) {
            node.delete("/api/books/" + shared.id + "/lease/" + lease.get("lease").asText());
        }
        return n;
    }

    /** One writer through {@code node}: {@code count} vouchers, each under the book's lease; none may be refused. */
    private static Void leased(TestBook book, LedgerClient node, int count, boolean chained,
            Map<Long, String> acknowledged) {
        JsonNode lease = null;
        for (int i = 0; i < count; i++) {
            if (lease == null) {
                LedgerClient.Answer granted = node.lease(book.preparer, book.id, 30);
                assertThat(granted.status()).as(granted.body()).isEqualTo(200);
                lease = granted.json();
            }
            SignedEntry entry = book.voucherAt(book.preparer, lease, "10.00");
            boolean askNext = chained && i < count - 1;
            LedgerClient.Answer stored = askNext
                    ? node.submitAskingNext(entry, lease.get("lease").asText(), "30", "en")
                    : node.submit(entry, lease.get("lease").asText(), "en");
            assertThat(stored.status()).as(stored.body()).isEqualTo(201);
            assertThat(acknowledged.putIfAbsent(entry.header().index(), entry.hash()))
                    .as("index %d acknowledged twice", entry.header().index()).isNull();
            lease = askNext ? stored.json().get("nextLease") : null;
        }
        return null;
    }

    /**
     * Two service nodes on a new database of the class's server, sharing one key store; their logs
     * in {@code target/multi-node-it/<name>-a.log} and {@code -b.log}. Closing stops both.
     */
    private record TwoNodes(PostgresServer.Database database, ChildService a, ChildService b) implements AutoCloseable {

        static TwoNodes start(String name) throws Exception {
            PostgresServer.Database database = server.newDatabase();
            Path logs = Files.createDirectories(Path.of("target", "multi-node-it"));
            Path keys = Files.createTempDirectory(home, "keys");
            String[] arguments = database.serviceArguments().toArray(String[]::new);
            ChildService a = ChildService.start(home.resolve(name + "-a"), keys, fresh(logs.resolve(name + "-a.log")),
                    arguments);
            try {
                return new TwoNodes(database, a, ChildService.start(home.resolve(name + "-b"), keys,
                        fresh(logs.resolve(name + "-b.log")), arguments));
            } catch (Exception | Error e) {
                a.close();
                throw e;
            }
        }

        @Override
        public void close() throws InterruptedException {
            try {
                b.close();
            } finally {
                a.close();
            }
        }
    }

    /** One writer: {@link #PER_WRITER} vouchers, each signed at the head its node reports, again after a 409. */
    private static void write(TestBook book, LedgerClient node, Map<String, Map<Long, String>> acknowledged,
            AtomicInteger conflicts) {
        for (int i = 0; i < PER_WRITER; i++) {
            append(book, node, acknowledged, conflicts);
        }
    }

    private static void append(TestBook book, LedgerClient node, Map<String, Map<Long, String>> acknowledged,
            AtomicInteger conflicts) {
        for (int attempt = 0; attempt < 50; attempt++) {
            SignedEntry entry = node.next(book.preparer, book.id, "voucher.recorded", book.today,
                    book.parkingVoucher("10.00"));
            LedgerClient.Answer answer = node.submit(entry, "en");
            if (answer.status() == 201) {
                String previous = acknowledged.computeIfAbsent(book.id, k -> new ConcurrentHashMap<>())
                        .putIfAbsent(entry.header().index(), entry.hash());
                assertThat(previous).as("index %d of %s acknowledged twice", entry.header().index(), book.id).isNull();
                return;
            }
            assertThat(answer.status()).as(answer.body()).isEqualTo(409);
            assertThat(answer.json().get("code").asText()).isIn("entry.index.stale", "entry.prev.mismatch");
            conflicts.incrementAndGet();
        }
        throw new AssertionError("no append within 50 attempts to " + book.id);
    }

    /** Every entry applied once by the reporting read model: its position at the head, one row per voucher. */
    private static void awaitReadModel(PostgresServer.Database database, List<TestBook> books, LedgerClient node,
            Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean caughtUp = true;
            for (TestBook book : books) {
                long size = node.get("/api/books/" + book.id + "/head").json().get("size").asLong();
                long applied = query(database, "select coalesce(max(applied_index), -1) from report_position where book_id = '"
                        + book.id + "'");
                long vouchers = query(database, "select count(*) from report_voucher where book_id = '" + book.id + "'");
                assertThat(vouchers).as("no voucher applied twice").isLessThanOrEqualTo(size - 2);
                caughtUp &= applied == size - 1 && vouchers == size - 2;
            }
            if (caughtUp) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the reporting read model did not catch up within " + timeout);
            }
            Thread.sleep(500);
        }
    }

    /**
     * Waits until {@code processor}'s segments are all claimed, by {@code count} distinct nodes;
     * answers the owners (Axon's node names).
     */
    private static Set<String> awaitOwners(PostgresServer.Database database, String processor, int count,
            Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Set<String> owners = new HashSet<>();
            boolean allClaimed = true;
            try (Connection c = server.connect(database.name(), PostgresServer.APP, PostgresServer.APP_PASSWORD);
                    PreparedStatement s = c.prepareStatement("select owner from token_entry where processor_name = ?")) {
                s.setString(1, processor);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String owner = rs.getString(1);
                        allClaimed &= owner != null;
                        owners.add(owner);
                    }
                }
            }
            if (allClaimed && owners.size() == count) {
                return owners;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the " + processor + " segments were not claimed by " + count
                        + " node(s) within " + timeout + ": " + owners);
            }
            Thread.sleep(500);
        }
    }

    private static long query(PostgresServer.Database database, String sql) throws SQLException {
        try (Connection c = server.connect(database.name(), PostgresServer.APP, PostgresServer.APP_PASSWORD);
                Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Path fresh(Path log) throws Exception {
        Files.deleteIfExists(log);
        return log;
    }
}
