package org.gongzhang.service.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhang.service.support.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gongzhang.service.support.Cli;
import org.gongzhang.service.support.ClientKeys;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.LedgerClient.Answer;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.crypto.PublicKeys;
import org.gongzhang.verifier.entry.Role;
import org.gongzhang.verifier.entry.SignedEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A book's lease: writers who sign their own entries on one book take turns instead of racing, and
 * nobody else appends while a lease is held; the refusals of a lease request store nothing.
 */
class LeaseIT extends ServiceIT {

    @Autowired
    private BookLeases leases;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void writersOnOneBookTakeTurnsAndNoneIsRefused() throws Exception {
        TestBook book = TestBook.open(client);
        long before = book.size();
        int writers = 8;
        int each = 5;
        CyclicBarrier start = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                ClientKeys keys = book.preparer; // one key, as a preparer's scripts on several machines would share
                runs.add(pool.submit(() -> {
                    List<String> answers = new ArrayList<>();
                    start.await();
                    for (int i = 0; i < each; i++) {
                        Answer lease = client.lease(keys, book.id, 30);
                        answers.add("lease " + lease.status());
                        if (lease.status() != 200) {
                            continue;
                        }
                        SignedEntry entry = book.voucherAt(keys, lease.json(), "88.00");
                        answers.add("entry " + client.submit(entry, lease.json().get("lease").asText(), "en").status());
                    }
                    return answers;
                }));
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> run : runs) {
                all.addAll(run.get(2, TimeUnit.MINUTES));
            }
            assertThat(all).filteredOn(a -> a.startsWith("lease")).containsOnly("lease 200");
            assertThat(all).filteredOn(a -> a.startsWith("entry")).hasSize(writers * each).containsOnly("entry 201");
        } finally {
            pool.shutdownNow();
        }
        assertThat(book.size()).isEqualTo(before + writers * each);
        JsonNode verified = client.get("/api/books/" + book.id + "/verify").json();
        assertThat(verified.path("ok").asBoolean()).as(verified.toString()).isTrue();
    }

    @Test
    void oneWriterAtATimeWithEveryLeaseHandedOnAtTheNewHead() throws Exception {
        TestBook book = TestBook.open(client);
        JsonNode first = client.lease(book.preparer, book.id, 5).json();
        assertThat(first.get("index").asLong()).isEqualTo(book.size());
        assertThat(first.get("prev").asText()).isEqualTo(head(book).get("head").asText());

        CompletableFuture<Answer> second = CompletableFuture.supplyAsync(() -> client.lease(book.reviewer, book.id, 20));
        Thread.sleep(400);
        assertThat(second).as("the second writer waits while the first holds the lease").isNotDone();

        SignedEntry entry = book.voucherAt(book.preparer, first, "88.00");
        long handedWithAppends = leases.handedOnWithTheAppend();
        Answer stored = client.submit(entry, first.get("lease").asText(), "en");
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        JsonNode next = second.get(10, TimeUnit.SECONDS).json();
        assertThat(leases.handedOnWithTheAppend()).as("granted by a statement sent with the append")
                .isEqualTo(handedWithAppends + 1);
        assertThat(next.get("index").asLong()).isEqualTo(first.get("index").asLong() + 1);
        assertThat(next.get("prev").asText()).isEqualTo(stored.json().get("hash").asText());
        assertThat(next.get("lease").asText()).isNotEqualTo(first.get("lease").asText());

        // the first lease is used up: releasing it finds nothing; the second is released by its holder
        assertProblem(client.delete("/api/books/" + book.id + "/lease/" + first.get("lease").asText()), 404,
                "lease.not-found", "lease");
        assertThat(client.delete("/api/books/" + book.id + "/lease/" + next.get("lease").asText()).status())
                .isEqualTo(204);
        assertThat(client.lease(book.auditor, book.id, 0).status()).as("free again at once").isEqualTo(200);
    }

    @Test
    void anEntryWithoutTheLeaseIsRefusedWhileAnotherWriterHoldsItAndNothingIsStored() throws Exception {
        TestBook book = TestBook.open(client);
        JsonNode lease = client.lease(book.preparer, book.id, 5).json();
        long size = book.size();

        SignedEntry intruder = book.voucherAt(book.reviewer, lease, "88.00");
        Answer refused = client.submit(intruder, "zh-CN");
        JsonNode problem = assertProblem(refused, 409, "book.lease.held", "lease");
        assertThat(problem.get("detail").asText()).containsPattern("[\\u4e00-\\u9fff]");
        assertProblem(client.submit(intruder, UUID.randomUUID().toString(), "en"), 409, "book.lease.held", "lease");
        assertThat(book.size()).isEqualTo(size);

        // the holder needs no header: an entry signed with the key the lease was granted to uses it
        Answer holder = client.submit(book.voucherAt(book.preparer, lease, "88.00"));
        assertThat(holder.status()).as(holder.body()).isEqualTo(201);
        assertThat(book.size()).isEqualTo(size + 1);
        assertThat(client.lease(book.reviewer, book.id, 0).status()).isEqualTo(200);
    }

    @Test
    void aLeaseNobodyUsesExpiresAndTheNextWriterGetsTheSameHead() throws Exception {
        TestBook book = TestBook.open(client);
        JsonNode abandoned = client.lease(book.reviewer, book.id, 5).json();
        Answer busy = client.lease(book.preparer, book.id, 1);
        assertProblem(busy, 503, "book.lease.busy", "");
        assertThat(busy.json().get("heldUntil").asText()).isEqualTo(abandoned.get("expiresAt").asText());

        long asked = System.nanoTime();
        JsonNode next = client.lease(book.preparer, book.id, 15).json();
        assertThat((System.nanoTime() - asked) / 1e9).as("granted once the first lease expired").isLessThan(10);
        assertThat(Instant.parse(abandoned.get("expiresAt").asText())).isBefore(Instant.now().plusMillis(50));
        assertThat(next.get("index").asLong()).isEqualTo(abandoned.get("index").asLong());
        assertThat(next.get("prev").asText()).isEqualTo(abandoned.get("prev").asText());

        // the first writer comes back late: the lease is someone else's now
        assertProblem(client.submit(book.voucherAt(book.reviewer, abandoned, "88.00"), abandoned.get("lease").asText(), "en"),
                409, "book.lease.held", "lease");
        Answer stored = client.submit(book.voucherAt(book.preparer, next, "88.00"), next.get("lease").asText(), "en");
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
    }

    @Test
    void leaseRequestsThatDoNotProveTheirKeyAreRefusedAndHoldNothing() {
        TestBook book = TestBook.open(client);
        String path = "/api/books/" + book.id + "/lease";
        ClientKeys stranger = ClientKeys.generate("agent:stranger", Role.AGENT_PREPARER);
        assertProblem(client.post(path, LedgerClient.leaseRequest(stranger, book.id, Instant.now()), "en"), 403,
                "lease.key.not-registered", "key");
        String forged = LedgerClient.leaseRequest(book.preparer, book.id, Instant.now())
                .replaceFirst("\"signature\":\"[^\"]+\"", "\"signature\":\""
                        + java.util.Base64.getEncoder().encodeToString(new byte[64]) + "\"");
        assertProblem(client.post(path, forged, "en"), 403, "lease.signature.invalid", "signature");
        String otherBook = LedgerClient.leaseRequest(book.preparer, "some-other-book", Instant.now());
        assertProblem(client.post(path, otherBook, "en"), 403, "lease.signature.invalid", "signature");
        JsonNode skewed = assertProblem(client.post(path,
                LedgerClient.leaseRequest(book.preparer, book.id, Instant.now().minusSeconds(600)), "zh-CN"), 422,
                "lease.requested.skewed", "requested");
        assertThat(skewed.get("detail").asText()).containsPattern("[\\u4e00-\\u9fff]");
        assertProblem(client.post(path, "{\"key\":\"" + book.preparer.keyId() + "\"}", "en"), 422,
                "lease.request.invalid", "requested");
        assertProblem(client.post(path, "[1]", "en"), 422, "lease.request.invalid", "");
        assertProblem(client.post(path, "{\"key\":", "en"), 422, "lease.request.invalid", "");
        assertProblem(client.post(path + "?wait=31", LedgerClient.leaseRequest(book.preparer, book.id, Instant.now()),
                "en"), 422, "request.parameter.invalid", "wait");
        assertProblem(client.post("/api/books/no-such-book/lease",
                LedgerClient.leaseRequest(book.preparer, "no-such-book", Instant.now()), "en"), 404, "book.not-found", "book");
        assertProblem(client.delete(path + "/" + UUID.randomUUID()), 404, "lease.not-found", "lease");

        // none of them holds the book: a writer gets the lease at once, and a leaseless entry still goes in after it is used
        assertThat(client.lease(book.reviewer, book.id, 0).status()).isEqualTo(200);
    }

    private static JsonNode head(TestBook book) {
        return book.client.get("/api/books/" + book.id + "/head").json();
    }

    /**
     * {@code ledger submit} with a key file takes the book's lease too: while another writer holds
     * it, the CLI waits its turn instead of being refused, and its entry lands right after.
     */
    @Test
    void ledgerSubmitWaitsForTheLeaseAndLandsNext(@TempDir Path dir) throws Exception {
        TestBook book = TestBook.open(client);
        long before = book.size();
        Path key = dir.resolve("preparer.key");
        Files.writeString(key, PublicKeys.privateToPem(book.preparer.pair().getPrivate().getEncoded()));
        Path payload = dir.resolve("payload.json");
        Files.writeString(payload, book.parkingVoucher("66.00").toString());
        JsonNode held = client.lease(book.preparer, book.id, 5).json();

        CompletableFuture<Cli> submitted = CompletableFuture.supplyAsync(() -> Cli.run("submit",
                "--server", "http://localhost:" + port, "--key", key.toString(), "--suite", "ed25519",
                "--book", book.id, "--actor", book.preparer.actor(), "--role", book.preparer.role().name(),
                "--kind", "voucher.recorded", "--date", book.today.toString(), payload.toString()));
        Thread.sleep(1_500); // the CLI is queued behind the lease by now; without a lease of its own, the CLI (same key) would have used this one
        assertThat(submitted).isNotDone();
        assertThat(client.submit(book.voucherAt(book.preparer, held, "88.00"), held.get("lease").asText(), "en").status())
                .isEqualTo(201);

        Cli cli = submitted.get(30, TimeUnit.SECONDS);
        assertThat(cli.exit()).as(cli.toString()).isZero();
        assertThat(CanonicalJson.parse(cli.out()).get("index").asLong()).isEqualTo(before + 1);
        assertThat(book.size()).isEqualTo(before + 2);
        assertThat(client.get("/api/books/" + book.id + "/verify").json().path("ok").asBoolean()).isTrue();
    }

    /** A parking-fee voucher signed by {@code keys} at the index and prev the lease gives. */
    /**
     * A writer with several entries asks for its next lease with each one ({@code Ledger-Lease-Next}):
     * two such writers on one book take turns, each answer carrying the lease at the head the other
     * writer's entry left, one request per entry and none refused.
     */
    @Test
    void writersAskingForTheirNextLeaseWithEachEntryTakeTurnsWithOneRequestPerEntry() throws Exception {
        TestBook book = TestBook.open(client);
        long before = book.size();
        int each = 6;
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<JsonNode>>> runs = new ArrayList<>();
            // one key, as a preparer's scripts on two machines would share: each request is a turn of its own
            for (ClientKeys keys : List.of(book.preparer, book.preparer)) {
                runs.add(pool.submit(() -> {
                    List<JsonNode> answers = new ArrayList<>();
                    start.await();
                    Answer first = client.lease(keys, book.id, 30);
                    assertThat(first.status()).as(first.body()).isEqualTo(200);
                    JsonNode lease = first.json();
                    for (int i = 0; i < each; i++) {
                        Answer stored = client.submitAskingNext(book.voucherAt(keys, lease, "88.00"),
                                lease.get("lease").asText(), i < each - 1 ? "30" : "0", "en");
                        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
                        answers.add(stored.json());
                        lease = stored.json().get("nextLease");
                        if (i < each - 1) {
                            assertThat(lease).as("the next lease comes with the answer").isNotNull();
                        }
                    }
                    if (lease != null) {
                        client.delete("/api/books/" + book.id + "/lease/" + lease.get("lease").asText());
                    }
                    return answers;
                }));
            }
            List<JsonNode> answers = new ArrayList<>();
            for (Future<List<JsonNode>> run : runs) {
                answers.addAll(run.get(2, TimeUnit.MINUTES));
            }
            // every next lease was at the head right after its writer's turn ended: one index after
            // the entry it answers when nobody else wrote in between, else later, never earlier
            for (JsonNode answer : answers) {
                JsonNode next = answer.get("nextLease");
                if (next != null) {
                    assertThat(next.get("index").asLong()).isGreaterThan(answer.get("index").asLong());
                    assertThat(next.get("book").asText()).isEqualTo(book.id);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(book.size()).isEqualTo(before + 2 * each);
        JsonNode verified = client.get("/api/books/" + book.id + "/verify").json();
        assertThat(verified.path("ok").asBoolean()).as(verified.toString()).isTrue();
    }

    /**
     * The next lease is at the new head; a replayed post gets none (a copy of an old post must not
     * hold the book); a header that is not 0 to 30 seconds is refused before the entry is judged,
     * ahead of Spring MVC as through the controller, and stores nothing.
     */
    @Test
    void theNextLeaseIsAtTheNewHeadNeverForAReplayAndABadWaitStoresNothing() throws Exception {
        TestBook book = TestBook.open(client);
        JsonNode lease = client.lease(book.preparer, book.id, 5).json();
        SignedEntry entry = book.voucherAt(book.preparer, lease, "88.00");

        for (String bad : List.of("31", "abc", "-1", "1.5")) {
            long size = book.size();
            assertProblem(client.submitAskingNext(entry, lease.get("lease").asText(), bad, "zh-CN"), 422,
                    "request.header.invalid", "Ledger-Lease-Next");
            assertThat(book.size()).isEqualTo(size);
        }
        JsonNode refused = assertProblem(client.postBytes("/api/books/" + book.id + "/entries",
                entry.leaf().getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json", "zh-CN",
                "Ledger-Lease-Next", "99"), 422, "request.header.invalid", "Ledger-Lease-Next");
        assertThat(refused.get("detail").asText()).contains("请求头");

        Answer stored = client.submitAskingNext(entry, lease.get("lease").asText(), "5", "en");
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        JsonNode next = stored.json().get("nextLease");
        assertThat(next.get("index").asLong()).isEqualTo(stored.json().get("index").asLong() + 1);
        assertThat(next.get("prev").asText()).isEqualTo(stored.json().get("hash").asText());
        assertThat(next.get("lease").asText()).isNotEqualTo(lease.get("lease").asText());
        assertThat(head(book).get("size").asLong()).isEqualTo(next.get("index").asLong());

        // the same post again: its first answer, no lease; the writer's lease is still the one it got
        Answer replayed = client.submitAskingNext(entry, null, "5", "en");
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().has("nextLease")).isFalse();
        assertThat(replayed.json().get("hash")).isEqualTo(stored.json().get("hash"));
        // nor does the replay use up the lease the writer holds: nobody else gets the book meanwhile
        assertThat(client.lease(book.auditor, book.id, 0).status()).as("still held").isEqualTo(503);
        Answer used = client.submit(book.voucherAt(book.preparer, next, "88.00"), next.get("lease").asText(), "en");
        assertThat(used.status()).as(used.body()).isEqualTo(201);
        assertThat(used.json().has("nextLease")).as("not asked for").isFalse();
        assertThat(client.lease(book.reviewer, book.id, 0).status()).as("free again at once").isEqualTo(200);
    }

    /**
     * A lease that a writer queued on another node wants ({@code wanted_by}, as that node marks it
     * when the lease stays away) is not handed on to this node's queue at the append that uses it: it
     * is let go, its row kept expired with the mark, for the other node; when that node does not take
     * it within {@link BookLeases#WANTED_GRACE}, this node's writer gets it at the new head, and the
     * mark is gone.
     */
    @Test
    void aLeaseWantedOnAnotherNodeIsLetGoForItNotHandedOnHere() throws Exception {
        TestBook book = TestBook.open(client);
        JsonNode first = client.lease(book.preparer, book.id, 5).json();
        CompletableFuture<Answer> here = CompletableFuture.supplyAsync(() -> client.lease(book.auditor, book.id, 20));
        Thread.sleep(400);
        assertThat(here).as("queued on this node behind the first writer").isNotDone();
        assertThat(jdbc.update("update book_lease set wanted_by = 'another-node', wanted_at = now() where book_id = ?",
                book.id)).isEqualTo(1);

        long appended = System.nanoTime();
        Answer stored = client.submit(book.voucherAt(book.preparer, first, "88.00"), first.get("lease").asText(), "en");
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        Map<String, Object> row = jdbc.queryForMap(
                "select wanted_by, expires_at <= now() as expired from book_lease where book_id = ?", book.id);
        assertThat(row).containsEntry("wanted_by", "another-node").containsEntry("expired", true);

        JsonNode next = here.get(15, TimeUnit.SECONDS).json();
        assertThat(Duration.ofNanos(System.nanoTime() - appended)).as("kept for the other node a moment first")
                .isGreaterThanOrEqualTo(BookLeases.WANTED_GRACE);
        assertThat(next.get("index").asLong()).isEqualTo(stored.json().get("index").asLong() + 1);
        assertThat(next.get("prev").asText()).isEqualTo(stored.json().get("hash").asText());
        assertThat(jdbc.queryForObject("select wanted_by from book_lease where book_id = ?", String.class, book.id))
                .as("the grant cleared the mark").isNull();
        assertThat(client.delete("/api/books/" + book.id + "/lease/" + next.get("lease").asText()).status())
                .isEqualTo(204);
    }
}
