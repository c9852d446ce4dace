package org.gongzhang.verifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import com.fasterxml.jackson.databind.JsonNode;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.entry.KeyRegistry;
import org.gongzhang.verifier.entry.SignedEntry;
import org.gongzhang.verifier.fixtures.BookFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmitCommandTest {

    private static final Instant NOW = Instant.parse("2026-03-20T08:00:00.123456Z");

    private final BookFixture book = BookFixture.standard();

    @TempDir
    Path dir;

    private Path payload;

    @BeforeEach
    void writeKeyAndPayload() throws IOException {
        Files.writeString(dir.resolve("li-na.key"), book.preparer.key().privatePem());
        payload = dir.resolve("payload.json");
        Files.writeString(payload, "{\"voucherId\": \"5b0c6a1e-8f3e-4a39-9a57-0c7d2f1e4b21\"}");
    }

    @Test
    void postsTheNextEntryOfTheBookSignedByTheCallersKey() throws IOException {
        String head = "{\"book\":\"lanyuan-public\",\"size\":8,\"head\":\"" + book.head() + "\",\"lastRecordedAt\":null}";
        try (var server = new StubServer().answer("/api/books/lanyuan-public/head", 200, head)
                .answer("/api/books/lanyuan-public/entries", 201, "{\"index\":8}")) {

            int code = submit(server, "voucher.posted");

            assertThat(code).isZero();
            var posted = server.requests().get(1);
            assertThat(posted.method()).isEqualTo("POST");
            assertThat(posted.contentType()).isEqualTo("application/json");
            SignedEntry entry = SignedEntry.fromLeaf(posted.body());
            assertThat(entry.header().index()).isEqualTo(8);
            assertThat(entry.header().prev()).isEqualTo(book.head());
            assertThat(entry.header().recordedAt()).isEqualTo(Instant.parse("2026-03-20T08:00:00.123Z"));
            assertThat(entry.header().custodial()).isFalse();
            assertThat(registryOf(book.entries()).check(entry, entry.header())).isEmpty();
        }
    }

    @Test
    void startsAtIndexZeroWhenTheBookDoesNotExistYet() throws IOException {
        try (var server = new StubServer().answer("/api/books/lanyuan-public/head", 404, "{}")
                .answer("/api/books/lanyuan-public/entries", 201, "{\"index\":0}")) {

            submit(server, "voucher.posted");

            SignedEntry entry = SignedEntry.fromLeaf(server.requests().get(1).body());
            assertThat(entry.header().index()).isZero();
            assertThat(entry.header().prev()).isEqualTo(SignedEntry.GENESIS_PREV);
        }
    }

    @Test
    void exitsOneAndPrintsTheProblemWhenTheServerRefuses() throws IOException {
        String problem = "{\"type\":\"urn:gongzhang:problem:entry.prev-mismatch\",\"status\":409}";
        try (var server = new StubServer().answer("/api/books/lanyuan-public/head", 404, "{}")
                .answer("/api/books/lanyuan-public/entries", 409, problem)) {
            var err = new ByteArrayOutputStream();

            int code = new SubmitCommand(Clock.fixed(NOW, ZoneOffset.UTC)).run(arguments(server, "voucher.posted"),
                    new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(code).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("entry.prev-mismatch");
        }
    }

    @Test
    void refusesAnUnknownKindBeforeContactingTheServer() throws IOException {
        try (var server = new StubServer()) {
            var run = CliRun.of(args(server, "voucher.stolen").toArray(String[]::new));

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void signsAtTheIndexTheBooksLeaseHandsOutAndPostsWithTheLease() throws IOException {
        String lease = "{\"lease\":\"L-1\",\"book\":\"lanyuan-public\",\"index\":8,\"prev\":\"" + book.head()
                + "\",\"expiresAt\":\"2026-03-20T08:00:05Z\"}";
        try (var server = new StubServer().answer("/api/books/lanyuan-public/lease", 200, lease)
                .answer("/api/books/lanyuan-public/entries", 201, "{\"index\":8}")) {

            assertThat(submit(server, "voucher.posted")).isZero();

            var asked = server.requests().get(0);
            assertThat(asked.method()).isEqualTo("POST");
            assertThat(asked.query()).isEqualTo("wait=" + SubmitCommand.LEASE_WAIT_SECONDS);
            JsonNode request = CanonicalJson.parse(asked.body());
            String keyId = book.preparer.key().keyId();
            assertThat(request.get("key").asText()).isEqualTo(keyId);
            assertThat(request.get("requested").asText()).isEqualTo(NOW.toString());
            byte[] statement = ("{\"book\":\"lanyuan-public\",\"key\":\"" + keyId
                    + "\",\"purpose\":\"lease\",\"requested\":\"" + NOW + "\"}").getBytes(StandardCharsets.UTF_8);
            byte[] signature = Base64.getDecoder().decode(request.get("signature").asText());
            assertThat(SignatureSuite.ED25519.verify(book.preparer.key().publicKey(), statement, signature)).isTrue();
            assertThat(server.requests()).hasSize(2);
            var posted = server.requests().get(1);
            assertThat(posted.lease()).isEqualTo("L-1");
            SignedEntry entry = SignedEntry.fromLeaf(posted.body());
            assertThat(entry.header().index()).isEqualTo(8);
            assertThat(entry.header().prev()).isEqualTo(book.head());
            assertThat(registryOf(book.entries()).check(entry, entry.header())).isEmpty();
        }
    }

    @Test
    void signsAgainAtTheNewHeadWhenAnotherWriterAppendedFirst() throws IOException {
        String moved = "0".repeat(63) + "9";
        try (var server = new StubServer()
                .answerInTurn("/api/books/lanyuan-public/head",
                        new StubServer.Reply(200, "{\"size\":8,\"head\":\"" + book.head() + "\"}"),
                        new StubServer.Reply(200, "{\"size\":9,\"head\":\"" + moved + "\"}"))
                .answerInTurn("/api/books/lanyuan-public/entries",
                        new StubServer.Reply(409, "{\"code\":\"entry.index.stale\",\"status\":409}"),
                        new StubServer.Reply(201, "{\"index\":9}"))) {

            assertThat(submit(server, "voucher.posted")).isZero();

            List<SignedEntry> posted = posted(server);
            assertThat(posted).hasSize(2);
            assertThat(posted.get(1).header().index()).isEqualTo(9);
            assertThat(posted.get(1).header().prev()).isEqualTo(moved);
            assertThat(posted.get(1).header().submission()).as("one submission id for every attempt")
                    .isEqualTo(posted.get(0).header().submission());
        }
    }

    @Test
    void givesUpAfterThreeAttemptsAtAHeadThatKeepsMoving() throws IOException {
        String stale = "{\"code\":\"entry.prev.mismatch\",\"status\":409}";
        try (var server = new StubServer()
                .answer("/api/books/lanyuan-public/head", 200, "{\"size\":8,\"head\":\"" + book.head() + "\"}")
                .answer("/api/books/lanyuan-public/entries", 409, stale)) {
            var err = new ByteArrayOutputStream();

            int code = new SubmitCommand(Clock.fixed(NOW, ZoneOffset.UTC)).run(arguments(server, "voucher.posted"),
                    new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(code).isEqualTo(1);
            assertThat(posted(server)).hasSize(SubmitCommand.ATTEMPTS);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("entry.prev.mismatch");
        }
    }

    @Test
    void releasesTheLeaseWhenTheServerRefusesTheEntry() throws IOException {
        String lease = "{\"lease\":\"L-2\",\"index\":8,\"prev\":\"" + book.head() + "\"}";
        try (var server = new StubServer().answer("/api/books/lanyuan-public/lease", 200, lease)
                .answer("/api/books/lanyuan-public/entries", 422, "{\"code\":\"voucher.unbalanced\",\"status\":422}")) {

            assertThat(submit(server, "voucher.posted")).isEqualTo(1);

            assertThat(server.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
                    "POST /api/books/lanyuan-public/lease", "POST /api/books/lanyuan-public/entries",
                    "DELETE /api/books/lanyuan-public/lease/L-2");
        }
    }

    @Test
    void postsNothingWhenTheBooksWritersKeepItBusy() throws IOException {
        try (var server = new StubServer().answer("/api/books/lanyuan-public/lease", 503,
                "{\"code\":\"book.lease.busy\",\"status\":503}")
                .answer("/api/books/lanyuan-public/entries", 201, "{\"index\":8}")) {
            var err = new ByteArrayOutputStream();

            int code = new SubmitCommand(Clock.fixed(NOW, ZoneOffset.UTC)).run(arguments(server, "voucher.posted"),
                    new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(code).isEqualTo(1);
            assertThat(posted(server)).isEmpty();
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("book.lease.busy");
        }
    }

    private static List<SignedEntry> posted(StubServer server) {
        return server.requests().stream().filter(r -> r.path().endsWith("/entries"))
                .map(r -> SignedEntry.fromLeaf(r.body())).toList();
    }

    private int submit(StubServer server, String kind) throws IOException {
        return new SubmitCommand(Clock.fixed(NOW, ZoneOffset.UTC)).run(arguments(server, kind),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
    }

    private Arguments arguments(StubServer server, String kind) {
        return Arguments.parse(args(server, kind).subList(1, 18), Set.of());
    }

    private List<String> args(StubServer server, String kind) {
        return List.of("submit", "--server", server.url(), "--key", dir.resolve("li-na.key").toString(),
                "--suite", "ed25519", "--book", BookFixture.BOOK, "--actor", "agent:li-na", "--role", "AGENT_PREPARER",
                "--kind", kind, "--date", "2026-03-20", payload.toString());
    }

    private static KeyRegistry registryOf(List<SignedEntry> entries) {
        KeyRegistry registry = new KeyRegistry();
        entries.forEach(e -> registry.apply(e.header()));
        return registry;
    }
}
