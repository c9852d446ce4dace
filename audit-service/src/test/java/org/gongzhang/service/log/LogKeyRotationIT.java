package org.gongzhang.service.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.gongzhang.service.support.Cli;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.verifier.bundle.Bundle;
import org.gongzhang.verifier.bundle.BundleReader;
import org.gongzhang.verifier.bundle.BundleWriter;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.checkpoint.Cosigner;
import org.gongzhang.verifier.checkpoint.LogKeyChain;
import org.gongzhang.verifier.checkpoint.LogKeyRotation;
import org.gongzhang.verifier.checkpoint.NoteVerifierKey;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.witness.Witness;
import org.gongzhang.verifier.witness.WitnessServer;
import org.gongzhang.verifier.witness.WitnessState;
import org.gongzhang.service.support.ChildService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Rotating the log key (日志密钥轮换) through the service, in a context of its own so that no other
 * test sees its log key change: two independent witnesses pinned to the first key accept the new
 * one only through the rotation note, cosign the book's handover checkpoint (signed by both keys)
 * and the ones after it, and an auditor who pinned the OLD key verifies the exported bundle
 * offline; a bundle whose rotation chain was tampered with fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.embedded-postgres.ephemeral=true", "ledger.demo.enabled=true",
        "ledger.keystore.iterations=" + ServiceIT.FAST_KEY_FILES,
        "ledger.witness-push.retry-interval=500ms", "ledger.witness-push.timeout=2s"})
class LogKeyRotationIT {

    private static final Path STATE = temporaryDirectory();
    private static final Cosigner COMMUNITY = Cosigner.of("witness.xinhe.example/rotation", SignatureSuite.ED25519.generateKeyPair());
    private static final Cosigner STREET = Cosigner.of("witness.beishan.example/rotation", SignatureSuite.ED25519.generateKeyPair());
    private static final int COMMUNITY_PORT = ChildService.freePort();
    private static final int STREET_PORT = ChildService.freePort();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static WitnessState communityState;
    private static WitnessState streetState;
    private static WitnessServer communityServer;
    private static WitnessServer streetServer;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void witnesses(DynamicPropertyRegistry properties) {
        properties.add("ledger.witnesses[0].url", () -> "http://127.0.0.1:" + COMMUNITY_PORT);
        properties.add("ledger.witnesses[0].key", () -> COMMUNITY.verifierKey().toString());
        properties.add("ledger.witnesses[1].url", () -> "http://127.0.0.1:" + STREET_PORT);
        properties.add("ledger.witnesses[1].key", () -> STREET.verifierKey().toString());
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
    void anAuditorWhoPinnedTheOldKeyFollowsTheRotationToTheCosignedCheckpointAndATamperedChainFails() throws IOException {
        LedgerClient client = new LedgerClient(port);
        NoteVerifierKey oldKey = logKey(client);
        startWitnessesPinning(oldKey);
        TestBook book = TestBook.open(client);
        book.postVoucher(book.parkingVoucher("100.00"));
        SignedNote beforeRotation = awaitCosignedByBoth(client, book, signCheckpoint(client, book));
        TestBook untouched = TestBook.open(client);
        signCheckpoint(client, untouched);

        assertThat(client.as("zhao-min").post("/api/log-key/rotations", "", "en").status())
                .as("only the deployment's administrator rotates the log key").isEqualTo(403);
        assertThat(logKey(client)).isEqualTo(oldKey);
        LedgerClient.Answer rotated = client.as("admin").post("/api/log-key/rotations", "", "en");

        assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
        LogKeyRotation rotation = LogKeyRotation.parse(SignedNote.parse(rotated.body()));
        NoteVerifierKey newKey = logKey(client);
        assertThat(rotation.oldKey()).isEqualTo(oldKey);
        assertThat(rotation.newKey()).isEqualTo(newKey).isNotEqualTo(oldKey);
        assertThat(rotation.signedByOldKey() && rotation.signedByNewKey()).isTrue();
        assertThat(client.get("/api/log-key/rotations").body()).isEqualTo(rotation.toString());
        awaitTrue(() -> rotationsHeld(communityState) == 1 && rotationsHeld(streetState) == 1,
                "both witnesses accepted the rotation");

        book.postVoucher(book.parkingVoucher("200.00"));
        SignedNote handover = awaitCosignedByBoth(client, book, signCheckpoint(client, book));
        assertThat(handover.isSignedBy(oldKey)).as("announced under the old key").isTrue();
        assertThat(handover.isSignedBy(newKey)).isTrue();
        book.postVoucher(book.parkingVoucher("300.00"));
        SignedNote afterwards = awaitCosignedByBoth(client, book, signCheckpoint(client, book));
        assertThat(afterwards.isSignedBy(oldKey)).isFalse();
        assertThat(afterwards.isSignedBy(newKey)).isTrue();
        assertThat(client.get("/api/books/" + book.id + "/verify").json().at("/ok").asBoolean()).isTrue();
        assertThat(client.get("/actuator/health").json().at("/components/bookIntegrity/status").asText()).isEqualTo("UP");

        Path bundle = Files.write(STATE.resolve(book.id + ".zip"), client.getBytes("/api/books/" + book.id + "/bundle"));
        Path saved = Files.writeString(STATE.resolve(book.id + ".saved"), beforeRotation.toString());
        Path witnessKeys = Files.writeString(STATE.resolve("witnesses"),
                COMMUNITY.verifierKey() + "\n" + STREET.verifierKey() + "\n");
        Cli verify = verify(bundle, oldKey, witnessKeys, "--since", saved.toString());
        assertThat(verify.exit()).as(verify.toString()).isZero();
        assertThat(verify.out()).contains("log key " + newKey, "log key rotated 1 time(s) since the pinned key " + oldKey,
                "cosigned by 2 witness(es)", "consistent with the checkpoint saved earlier at size");

        Path untouchedBundle = Files.write(STATE.resolve(untouched.id + ".zip"),
                client.getBytes("/api/books/" + untouched.id + "/bundle"));
        Cli stillOld = Cli.run("verify", untouchedBundle.toString(), "--log-key", oldKey.toString());
        assertThat(stillOld.exit()).as("a book with no checkpoint since the rotation: %s", stillOld).isZero();

        Cli withoutOldSignature = verify(tamperedChain(bundle, oldKey), oldKey, witnessKeys);
        assertThat(withoutOldSignature.exit()).as(withoutOldSignature.toString()).isEqualTo(1);
        assertThat(withoutOldSignature.out()).contains("log-key.rotation.old-key-signature-invalid",
                "checkpoint.signature-invalid");
        Cli withoutChain = verify(withoutChain(bundle), oldKey, witnessKeys);
        assertThat(withoutChain.exit()).as(withoutChain.toString()).isEqualTo(1);
        assertThat(withoutChain.out()).contains("checkpoint.signature-invalid");
    }

    private void startWitnessesPinning(NoteVerifierKey logKey) throws IOException {
        communityState = WitnessState.open(STATE.resolve("community"));
        streetState = WitnessState.open(STATE.resolve("street"));
        communityServer = start(COMMUNITY, logKey, communityState, COMMUNITY_PORT);
        streetServer = start(STREET, logKey, streetState, STREET_PORT);
    }

    private static Cli verify(Path bundle, NoteVerifierKey logKey, Path witnessKeys, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("verify", bundle.toString(), "--log-key", logKey.toString(),
                "--witness-key", witnessKeys.toString(), "--cosignatures", "2"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    /** The bundle with its rotation note stripped of the old key's signature: a key that named itself. */
    private static Path tamperedChain(Path file, NoteVerifierKey oldKey) throws IOException {
        Bundle bundle = BundleReader.read(file);
        LogKeyRotation rotation = LogKeyChain.parse(bundle.logKeyRotations().orElseThrow()).rotations().get(0);
        SignedNote selfAppointed = new SignedNote(rotation.note().text(), rotation.note().signatures().stream()
                .filter(line -> !line.claims(oldKey)).toList());
        String chain = LogKeyRotation.parse(selfAppointed).toString();
        return write(file, new Bundle(bundle.manifest(), bundle.leaves(), bundle.checkpoint(), bundle.statement(),
                Optional.of(chain)), "self-appointed");
    }

    private static Path withoutChain(Path file) throws IOException {
        Bundle bundle = BundleReader.read(file);
        return write(file, new Bundle(bundle.manifest(), bundle.leaves(), bundle.checkpoint(), bundle.statement(),
                Optional.empty()), "no-chain");
    }

    private static Path write(Path original, Bundle bundle, String suffix) throws IOException {
        Path file = original.resolveSibling(original.getFileName() + "." + suffix + ".zip");
        BundleWriter.write(bundle, file);
        return file;
    }

    private static int rotationsHeld(WitnessState state) {
        try {
            return state.rotations().rotations().size();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static long signCheckpoint(LedgerClient client, TestBook book) {
        LedgerClient.Answer answer = client.as("zhao-min").post("/api/books/" + book.id + "/checkpoints", "", "en");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return Checkpoint.parse(SignedNote.parse(answer.body()).text()).size();
    }

    private static SignedNote awaitCosignedByBoth(LedgerClient client, TestBook book, long size) {
        String path = "/api/books/" + book.id + "/checkpoints/" + size;
        awaitTrue(() -> {
            SignedNote note = SignedNote.parse(client.get(path).body());
            return note.isSignedBy(COMMUNITY.verifierKey()) && note.isSignedBy(STREET.verifierKey());
        }, "checkpoint " + size + " of " + book.id + " cosigned by both witnesses");
        return SignedNote.parse(client.get(path).body());
    }

    private static NoteVerifierKey logKey(LedgerClient client) {
        return NoteVerifierKey.parse(client.get("/api/log-key").body().strip());
    }

    private static WitnessServer start(Cosigner cosigner, NoteVerifierKey logKey, WitnessState state, int port)
            throws IOException {
        Witness witness = new Witness(cosigner, List.of(logKey), Checkpoint.bookOrigin(""), state, Clock.systemUTC());
        return WitnessServer.start(witness, new InetSocketAddress("127.0.0.1", port));
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

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("gongzhang-rotation-it");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
