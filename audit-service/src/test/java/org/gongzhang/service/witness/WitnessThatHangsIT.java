package org.gongzhang.service.witness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.ServiceIT;
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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two witnesses, one of which takes every connection and never answers (its machine hung, or a
 * firewall that swallows the request): the other one's cosignatures must not wait for it. The
 * witnesses are independent of each other as much as of the operator; one that is down is the
 * ordinary fault, and each request to it costs the push timeout. Its service is stopped after it
 * (its witnesses are gone then, and nothing else shares it).
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.embedded-postgres.ephemeral=true", "ledger.demo.enabled=true",
        "ledger.keystore.iterations=" + ServiceIT.FAST_KEY_FILES,
        "ledger.witness-push.retry-interval=500ms", "ledger.witness-push.timeout=" + WitnessThatHangsIT.TIMEOUT_SECONDS + "s"})
class WitnessThatHangsIT {

    /** How long the service waits for one answer of a witness. */
    static final int TIMEOUT_SECONDS = 8;

    private static final Cosigner STREET = Cosigner.of("witness.beishan.example/w1", SignatureSuite.ED25519.generateKeyPair());
    private static final Cosigner HUNG = Cosigner.of("witness.hung.example/w1", SignatureSuite.ED25519.generateKeyPair());
    private static final Silent SILENT = new Silent();
    private static final int STREET_PORT = org.gongzhang.service.support.ChildService.freePort();

    private static WitnessState streetState;
    private static WitnessServer streetServer;

    @LocalServerPort
    int port;

    private LedgerClient client;

    @DynamicPropertySource
    static void witnesses(DynamicPropertyRegistry properties) {
        // the hung witness first: the order in which a push goes round them
        properties.add("ledger.witnesses[0].url", () -> "http://127.0.0.1:" + SILENT.port());
        properties.add("ledger.witnesses[0].key", () -> HUNG.verifierKey().toString());
        properties.add("ledger.witnesses[1].url", () -> "http://127.0.0.1:" + STREET_PORT);
        properties.add("ledger.witnesses[1].key", () -> STREET.verifierKey().toString());
    }

    @BeforeEach
    void theStreetsWitnessStartedWithThePinnedLogKey() throws IOException {
        client = new LedgerClient(port);
        if (streetServer == null) {
            NoteVerifierKey logKey = NoteVerifierKey.parse(client.get("/api/log-key").body().strip());
            streetState = WitnessState.open(Files.createTempDirectory("witness-that-hangs-it"));
            Witness witness = new Witness(STREET, List.of(logKey), Checkpoint.bookOrigin(""), streetState,
                    Clock.systemUTC());
            streetServer = WitnessServer.start(witness, new InetSocketAddress("127.0.0.1", STREET_PORT));
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (streetServer != null) {
            streetServer.close();
            streetState.close();
        }
        SILENT.close();
    }

    @Test
    void aWitnessThatNeverAnswersDoesNotHoldUpAnotherWitnessesCosignatures() {
        List<TestBook> books = List.of(TestBook.open(client), TestBook.open(client), TestBook.open(client));
        long started = System.nanoTime();
        List<Long> sizes = books.stream().map(this::signCheckpoint).toList();

        awaitTrue(() -> {
            for (int i = 0; i < books.size(); i++) {
                SignedNote note = SignedNote.parse(client.get("/api/books/" + books.get(i).id + "/checkpoints/"
                        + sizes.get(i)).body());
                if (!note.isSignedBy(STREET.verifierKey())) {
                    return false;
                }
            }
            return true;
        }, "the three checkpoints cosigned by the street's witness");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(SILENT.connections()).as("the hung witness was asked, and never answered").isPositive();
        assertThat(took).as("cosigned without waiting out the hung witness even once")
                .isLessThan(Duration.ofSeconds(TIMEOUT_SECONDS));
    }

    private long signCheckpoint(TestBook book) {
        LedgerClient.Answer answer = client.as("zhao-min").post("/api/books/" + book.id + "/checkpoints", "", "en");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return Checkpoint.parse(SignedNote.parse(answer.body()).text()).size();
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A server that takes every connection and never reads or answers; the connections stay open. */
    private static final class Silent implements AutoCloseable {

        private final ServerSocket server;
        private final List<Socket> taken = new CopyOnWriteArrayList<>();

        Silent() {
            try {
                server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread accepting = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        taken.add(server.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "silent-witness");
            accepting.setDaemon(true);
            accepting.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int connections() {
            return taken.size();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : new ArrayList<>(taken)) {
                socket.close();
            }
        }
    }
}
