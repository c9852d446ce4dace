package org.gongzhang.service.witness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.gongzhang.service.support.Cli;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.Problems;
import org.gongzhang.service.support.Tamper;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.checkpoint.Cosigner;
import org.gongzhang.verifier.checkpoint.NoteVerifierKey;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.witness.Witness;
import org.gongzhang.verifier.witness.WitnessServer;
import org.gongzhang.verifier.witness.WitnessState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.gongzhang.service.keystore.KeyFiles;
import org.gongzhang.service.support.ChildService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service with two independent witnesses (the 社区 office and the 街道), each a
 * {@code ./ledger witness} server of its own on a loopback port, with its own key and state
 * directory, speaking C2SP tlog-witness over real HTTP. They start only once the service has made
 * its log key (which they pin), as a witness started after the service would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.embedded-postgres.ephemeral=true", "ledger.demo.enabled=true",
        "ledger.witness-push.retry-interval=500ms", "ledger.witness-push.timeout=2s"})
class WitnessesIT {

    private static final Path STATE = temporaryDirectory();
    private static final Cosigner COMMUNITY = Cosigner.of("witness.xinhe.example/w1", SignatureSuite.ED25519.generateKeyPair());
    private static final Cosigner STREET = Cosigner.of("witness.beishan.example/w1", SignatureSuite.ED25519.generateKeyPair());
    private static final int COMMUNITY_PORT = ChildService.freePort();
    private static final int STREET_PORT = ChildService.freePort();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static WitnessState communityState;
    private static WitnessState streetState;
    private static WitnessServer communityServer;
    private static WitnessServer streetServer;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KeyFiles keyFiles;

    private LedgerClient client;

    @DynamicPropertySource
    static void witnesses(DynamicPropertyRegistry properties) {
        properties.add("ledger.witnesses[0].url", () -> "http://127.0.0.1:" + COMMUNITY_PORT);
        properties.add("ledger.witnesses[0].key", () -> COMMUNITY.verifierKey().toString());
        properties.add("ledger.witnesses[1].url", () -> "http://127.0.0.1:" + STREET_PORT);
        properties.add("ledger.witnesses[1].key", () -> STREET.verifierKey().toString());
    }

    @BeforeEach
    void witnessesStartedWithThePinnedLogKey() throws IOException {
        client = new LedgerClient(port);
        if (communityServer == null) {
            NoteVerifierKey logKey = logKey();
            communityState = WitnessState.open(STATE.resolve("community"));
            streetState = WitnessState.open(STATE.resolve("street"));
            communityServer = start(COMMUNITY, logKey, communityState, COMMUNITY_PORT);
            streetServer = start(STREET, logKey, streetState, STREET_PORT);
        }
    }

    @AfterAll
    static void stopWitnesses() throws IOException {
        if (communityServer != null) {
            communityServer.close();
            streetServer.close();
            communityState.close();
            streetState.close();
        }
    }

    @Test
    void everyCheckpointGetsBothWitnessesCosignaturesAndVerifiesWithTheirPinnedKeys() throws IOException {
        TestBook book = TestBook.open(client);
        book.postVoucher(book.parkingVoucher("100.00"));
        long first = signCheckpoint(book);
        awaitCosignedByBoth(book, first);

        book.postVoucher(book.parkingVoucher("200.00"));
        long second = signCheckpoint(book);
        SignedNote cosigned = awaitCosignedByBoth(book, second);

        assertThat(second).isGreaterThan(first);
        assertThat(client.get("/api/books/" + book.id + "/checkpoint").body()).isEqualTo(cosigned.toString());
        Path bundle = Files.write(STATE.resolve(book.id + ".zip"), client.getBytes("/api/books/" + book.id + "/bundle"));
        Path keys = Files.writeString(STATE.resolve(book.id + ".witnesses"),
                client.get("/api/books/" + book.id + "/witnesses").body());
        Cli verify = Cli.run("verify", bundle.toString(), "--log-key", logKey().toString(), "--witness-key",
                keys.toString(), "--cosignatures", "2");
        assertThat(verify.exit()).as(verify.toString()).isZero();
        assertThat(verify.out()).as("in the order the witnesses answered, which load can change")
                .containsAnyOf("cosigned by 2 witness(es): witness.xinhe.example/w1, witness.beishan.example/w1",
                        "cosigned by 2 witness(es): witness.beishan.example/w1, witness.xinhe.example/w1");
    }

    @Test
    void theBooksWitnessesAreListedWithWhatTheyCosigned() throws Exception {
        TestBook book = TestBook.open(client);
        long size = signCheckpoint(book);
        awaitCosignedByBoth(book, size);

        assertThat(client.get("/api/books/" + book.id + "/witnesses").body())
                .isEqualTo(COMMUNITY.verifierKey() + "\n" + STREET.verifierKey() + "\n");
        HttpResponse<String> listed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/books/" + book.id + "/witnesses"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(listed.body()).contains("\"name\":\"witness.xinhe.example/w1\"", "\"cosignedSize\":" + size,
                "\"refusedSplitView\":false");
    }

    @Test
    void theDemoBooksCheckpointsAreCosigned() {
        awaitTrue(() -> {
            SignedNote note = SignedNote.parse(client.get("/api/books/lanyuan-public/checkpoint").body());
            return note.isSignedBy(COMMUNITY.verifierKey()) && note.isSignedBy(STREET.verifierKey());
        }, "the demo book's latest checkpoint cosigned by both witnesses");
    }

    /**
     * Someone with database access — and the server's disk — rewrites a voucher in the event table
     * and the service's own index, and deletes the checkpoints the service signed (in the database
     * and beside the key store) and its memory of its witnesses, so nothing the operator controls
     * stops the log key from signing the rewritten history. Both witnesses
     * refuse it and keep the evidence; the service marks the book and signs nothing further for it.
     */
    @Test
    void bothWitnessesRefuseARewrittenHistoryAndTheServiceSignsNothingFurtherForTheBook() throws IOException {
        TestBook book = TestBook.open(client);
        book.postVoucher(book.parkingVoucher("100.00"));
        book.postVoucher(book.parkingVoucher("12345.67"));
        long size = signCheckpoint(book);
        SignedNote honest = awaitCosignedByBoth(book, size);

        rewriteHistoryBehindTheServicesBack(book, 5, "12345.67", "12345.68");
        // whoever runs the server also deletes its own memory of what it signed, beside the key store
        Files.delete(keyFiles.directory().resolve("checkpoints").resolve(book.id + ".txt"));
        LedgerClient.Answer forced = client.as("zhao-min").post("/api/books/" + book.id + "/checkpoints", "", "en");
        assertThat(forced.status()).as("no guard left in the database: %s", forced.body()).isEqualTo(200);
        SignedNote rewritten = SignedNote.parse(forced.body());
        assertThat(rewritten.text()).isNotEqualTo(honest.text());

        awaitTrue(() -> jdbc.queryForObject("select count(distinct witness_name) from split_view where book_id = ?",
                Integer.class, book.id) == 2, "both witnesses refused the rewritten checkpoint");
        for (WitnessState state : List.of(communityState, streetState)) {
            assertThat(Checkpoint.parse(state.latest(Checkpoint.bookOrigin(book.id)).orElseThrow().text()))
                    .as("the witness still holds the honest checkpoint").isEqualTo(Checkpoint.parse(honest.text()));
            String evidence = evidenceFor(state, book.id);
            assertThat(evidence).contains(honest.text(), rewritten.text(), "SPLIT VIEW");
        }
        assertThat(SignedNote.parse(client.get("/api/books/" + book.id + "/checkpoint").body())
                .isSignedBy(COMMUNITY.verifierKey())).as("no witness cosigned the rewritten checkpoint").isFalse();

        book.postVoucher(book.parkingVoucher("300.00"));
        Problems.assertProblem(client.as("zhao-min").post("/api/books/" + book.id + "/checkpoints", "", "en"), 409,
                "log.split-view", "");
        assertThat(jdbc.queryForObject("select max(tree_size) from checkpoint where book_id = ?", Long.class, book.id))
                .as("nothing signed after the split view").isEqualTo(size);
        assertThat(client.get("/actuator/health").json().at("/components/witnesses/status").asText()).isEqualTo("DOWN");
    }

    private void rewriteHistoryBehindTheServicesBack(TestBook book, long index, String text, String replacement) {
        Tamper tamper = new Tamper(jdbc, book.id);
        tamper.replaceInEntry(index, text, replacement);
        assertThat(jdbc.update("update ledger_entry set entry_hash = ? where book_id = ? and entry_index = ?",
                tamper.stored(index).hash(), book.id, index)).isEqualTo(1);
        jdbc.queryForList("select ledger_merkle_rebuild(?)", book.id);
        assertThat(jdbc.update("delete from checkpoint where book_id = ?", book.id)).isPositive();
        jdbc.update("delete from witness_cosigned where book_id = ?", book.id);
    }

    private long signCheckpoint(TestBook book) {
        LedgerClient.Answer answer = client.as("zhao-min").post("/api/books/" + book.id + "/checkpoints", "", "en");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return Checkpoint.parse(SignedNote.parse(answer.body()).text()).size();
    }

    private SignedNote awaitCosignedByBoth(TestBook book, long size) {
        String path = "/api/books/" + book.id + "/checkpoints/" + size;
        awaitTrue(() -> {
            SignedNote note = SignedNote.parse(client.get(path).body());
            return note.isSignedBy(COMMUNITY.verifierKey()) && note.isSignedBy(STREET.verifierKey());
        }, "checkpoint " + size + " of " + book.id + " cosigned by both witnesses");
        return SignedNote.parse(client.get(path).body());
    }

    private static String evidenceFor(WitnessState state, String book) throws IOException {
        String prefix = WitnessState.originHash(Checkpoint.bookOrigin(book)).substring(0, 12);
        try (var files = Files.list(state.directory().resolve("evidence"))) {
            List<Path> kept = files.filter(f -> f.getFileName().toString().contains(prefix)).toList();
            assertThat(kept).as("evidence files for " + book).hasSize(1);
            return Files.readString(kept.get(0));
        }
    }

    private NoteVerifierKey logKey() {
        return NoteVerifierKey.parse(client.get("/api/log-key").body().strip());
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static WitnessServer start(Cosigner cosigner, NoteVerifierKey logKey, WitnessState state, int port)
            throws IOException {
        Witness witness = new Witness(cosigner, List.of(logKey), Checkpoint.bookOrigin(""), state, Clock.systemUTC());
        return WitnessServer.start(witness, new InetSocketAddress("127.0.0.1", port));
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("witnesses-it");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
