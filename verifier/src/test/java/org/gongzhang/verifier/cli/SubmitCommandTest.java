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
import java.util.List;
import java.util.Set;
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
