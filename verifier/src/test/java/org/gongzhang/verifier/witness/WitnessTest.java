package org.gongzhang.verifier.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.checkpoint.Cosigner;
import org.gongzhang.verifier.checkpoint.LogKeyRotation;
import org.gongzhang.verifier.checkpoint.NoteSignature;
import org.gongzhang.verifier.checkpoint.NoteSigner;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.fixtures.TestKeys;
import org.gongzhang.verifier.merkle.MerkleHash;
import org.gongzhang.verifier.merkle.MerkleTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A witness process's HTTP behaviour as C2SP tlog-witness specifies it, over real HTTP on a
 * loopback port: it cosigns what extends what it saw, answers the size it knows to a log that
 * guessed wrong, and refuses (keeping the evidence) a log that rewrote its history.
 */
class WitnessTest {

    private static final String ORIGIN = Checkpoint.bookOrigin("lanyuan-public");
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @TempDir
    Path dir;

    private final NoteSigner log = NoteSigner.of("gongzhang.org/log", TestKeys.ed25519Pair("log"));
    private final Cosigner cosigner = Cosigner.of("witness.xinhe.example/w1", TestKeys.ed25519Pair("witness"));
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<byte[]> leaves = leaves("honest", 20);
    private WitnessState state;
    private WitnessServer server;

    @BeforeEach
    void start() throws IOException {
        state = WitnessState.open(dir.resolve("state"));
        server = WitnessServer.start(witness(), new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        state.close();
    }

    @Test
    void cosignsTheFirstCheckpointWithATimestampedV1Cosignature() throws Exception {
        SignedNote note = checkpoint(leaves, 7);

        HttpResponse<String> answer = post(AddCheckpointRequest.body(0, List.of(), note));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        NoteSignature line = NoteSignature.parse(answer.body().strip());
        assertThat(note.with(List.of(line)).isSignedBy(cosigner.verifierKey())).isTrue();
        assertThat(java.nio.ByteBuffer.wrap(line.signature(), 0, 8).getLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(state.latest(ORIGIN).orElseThrow().isSignedBy(cosigner.verifierKey())).isTrue();
    }

    @Test
    void cosignsACheckpointThatExtendsTheLastOneByItsConsistencyProof() throws Exception {
        assertThat(post(AddCheckpointRequest.body(0, List.of(), checkpoint(leaves, 7))).statusCode()).isEqualTo(200);

        HttpResponse<String> answer = post(AddCheckpointRequest.body(7, proof(leaves, 7, 20), checkpoint(leaves, 20)));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(Checkpoint.parse(state.latest(ORIGIN).orElseThrow().text()).size()).isEqualTo(20);
    }

    @Test
    void aWrongOldSizeIsAConflictAnsweringTheSizeItKnows() throws Exception {
        post(AddCheckpointRequest.body(0, List.of(), checkpoint(leaves, 7)));

        HttpResponse<String> answer = post(AddCheckpointRequest.body(0, List.of(), checkpoint(leaves, 20)));

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/x.tlog.size");
        assertThat(answer.body()).isEqualTo("7\n");
    }

    @Test
    void aProofThatDoesNotVerifyIsUnprocessableAndNothingChanges() throws Exception {
        post(AddCheckpointRequest.body(0, List.of(), checkpoint(leaves, 7)));
        List<byte[]> broken = new ArrayList<>(proof(leaves, 7, 20));
        broken.set(0, Digests.sha256("not a node".getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> answer = post(AddCheckpointRequest.body(7, broken, checkpoint(leaves, 20)));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(Checkpoint.parse(state.latest(ORIGIN).orElseThrow().text()).size()).isEqualTo(7);
    }

    @Test
    void aRewrittenHistoryIsRefusedAndBothNotesAndTheProofAreKeptAsEvidence() throws Exception {
        SignedNote honest = checkpoint(leaves, 7);
        post(AddCheckpointRequest.body(0, List.of(), honest));
        List<byte[]> rewritten = new ArrayList<>(leaves);
        rewritten.set(3, MerkleHash.leaf("a changed voucher".getBytes(StandardCharsets.UTF_8)));
        String request = AddCheckpointRequest.body(7, proof(rewritten, 7, 20), checkpoint(rewritten, 20));

        HttpResponse<String> answer = post(request);

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("SPLIT VIEW", "evidence kept");
        List<Path> evidence = evidence();
        assertThat(evidence).hasSize(1);
        String kept = Files.readString(evidence.get(0));
        assertThat(kept).contains(honest.text(), request);
        assertThat(Checkpoint.parse(state.latest(ORIGIN).orElseThrow().text()).size()).isEqualTo(7);
    }

    @Test
    void twoRootsForTheSameSizeAreASplitView() throws Exception {
        post(AddCheckpointRequest.body(0, List.of(), checkpoint(leaves, 7)));

        HttpResponse<String> answer = post(AddCheckpointRequest.body(7, List.of(), checkpoint(leaves("other", 7), 7)));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(evidence()).hasSize(1);
    }

    @Test
    void aCheckpointSmallerThanTheOneCosignedIsRefusedWithEvidence() throws Exception {
        post(AddCheckpointRequest.body(0, List.of(), checkpoint(leaves, 20)));

        HttpResponse<String> answer = post(AddCheckpointRequest.body(20, List.of(), checkpoint(leaves, 7)));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(evidence()).hasSize(1);
    }

    @Test
    void aRestartedWitnessRemembersWhatItCosigned() throws Exception {
        post(AddCheckpointRequest.body(0, List.of(), checkpoint(leaves, 7)));
        stop();
        start();

        HttpResponse<String> answer = post(AddCheckpointRequest.body(0, List.of(), checkpoint(leaves, 20)));

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body()).isEqualTo("7\n");
    }

    @Test
    void anotherProcessCannotShareTheStateDirectory() {
        assertThatThrownBy(() -> WitnessState.open(dir.resolve("state"))).isInstanceOf(IOException.class)
                .hasMessageContaining("another witness process");
    }

    @Test
    void anUnknownOriginIsNotFound() throws Exception {
        SignedNote other = Checkpoint.forBook("x", 1, leaves.get(0)).sign(log);
        String body = AddCheckpointRequest.body(0, List.of(), new SignedNote(
                other.text().replace(Checkpoint.bookOrigin("x"), "example.com/other-log"), List.of()).with(
                        List.of(log.sign(other.text().replace(Checkpoint.bookOrigin("x"), "example.com/other-log")))));

        assertThat(post(body).statusCode()).isEqualTo(404);
    }

    @Test
    void aCheckpointWithoutAValidLogSignatureIsForbidden() throws Exception {
        NoteSigner impostor = NoteSigner.of("gongzhang.org/log", TestKeys.ed25519Pair("impostor"));
        SignedNote byStranger = Checkpoint.forBook("lanyuan-public", 7, MerkleTree.root(leaves.subList(0, 7)))
                .sign(NoteSigner.of("someone.else", TestKeys.ed25519Pair("stranger")));
        SignedNote honest = checkpoint(leaves, 7);
        NoteSignature forgedLine = new NoteSignature(log.verifierKey().name(), log.verifierKey().keyHash(),
                impostor.sign(honest.text()).signature());

        assertThat(post(AddCheckpointRequest.body(0, List.of(), byStranger)).statusCode()).isEqualTo(403);
        assertThat(post(AddCheckpointRequest.body(0, List.of(), new SignedNote(honest.text(), List.of(forgedLine))))
                .statusCode()).isEqualTo(403);
        assertThat(state.latest(ORIGIN)).isEmpty();
    }

    @Test
    void aMalformedBodyOrAnOldSizeAboveTheCheckpointIsABadRequest() throws Exception {
        assertThat(post("old 01\n\n" + checkpoint(leaves, 7)).statusCode()).isEqualTo(400);
        assertThat(post("old 0\nnot base64!\n\n" + checkpoint(leaves, 7)).statusCode()).isEqualTo(400);
        assertThat(post(AddCheckpointRequest.body(9, List.of(), checkpoint(leaves, 7))).statusCode()).isEqualTo(400);
        assertThat(post(AddCheckpointRequest.body(0, List.of(leaves.get(0)), checkpoint(leaves, 7))).statusCode())
                .isEqualTo(422);
    }

    @Test
    void servesTheCheckpointItCosignedLastForMonitors() throws Exception {
        post(AddCheckpointRequest.body(0, List.of(), checkpoint(leaves, 7)));

        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/"
                + WitnessState.originHash(ORIGIN) + "/checkpoint")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        SignedNote served = SignedNote.parse(answer.body());
        assertThat(served.isSignedBy(log.verifierKey())).isTrue();
        assertThat(served.isSignedBy(cosigner.verifierKey())).isTrue();
    }

    @Test
    void theKeyFileIsMadeReadableByItsOwnerOnlyAndRefusedOtherwise() throws Exception {
        Path key = dir.resolve("keys/witness.key");
        var first = WitnessKeyFile.loadOrCreate(key);

        assertThat(Files.getPosixFilePermissions(key)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        assertThat(WitnessKeyFile.loadOrCreate(key).getPublic()).isEqualTo(first.getPublic());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> WitnessKeyFile.loadOrCreate(key)).hasMessageContaining("chmod 600");
    }

    @Test
    void acceptsANewLogKeyOnlyThroughARotationSignedByThePinnedKey() throws Exception {
        NoteSigner next = NoteSigner.of("gongzhang.org/log", TestKeys.ed25519Pair("next log key"));
        NoteSigner impostor = NoteSigner.of("gongzhang.org/log", TestKeys.ed25519Pair("impostor"));
        assertThat(post(AddCheckpointRequest.body(0, List.of(), checkpoint(leaves, 5))).statusCode()).isEqualTo(200);

        assertThat(post(AddCheckpointRequest.body(5, proof(leaves, 5, 7), checkpoint(leaves, 7, next))).statusCode())
                .as("a key it never saw rotated to").isEqualTo(403);
        String selfAppointed = LogKeyRotation.HEADER + "\nold " + log.verifierKey() + "\nnew " + impostor.verifierKey() + "\n";
        assertThat(postRotation(SignedNote.sign(selfAppointed, impostor).toString()).statusCode())
                .as("a rotation signed only by the new key").isEqualTo(403);
        assertThat(postRotation("not a rotation").statusCode()).isEqualTo(400);

        HttpResponse<String> accepted = postRotation(LogKeyRotation.sign(log, next).toString());

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(post(AddCheckpointRequest.body(5, proof(leaves, 5, 7), checkpoint(leaves, 7, next))).statusCode())
                .isEqualTo(200);
        assertThat(post(AddCheckpointRequest.body(7, proof(leaves, 7, 9), checkpoint(leaves, 9))).statusCode())
                .as("the old key alone, after the rotation").isEqualTo(403);
        assertThat(postRotation(LogKeyRotation.sign(log, next).toString()).statusCode()).as("again").isEqualTo(200);
        HttpResponse<String> fork = postRotation(LogKeyRotation.sign(log, impostor).toString());
        assertThat(fork.statusCode()).as(fork.body()).isEqualTo(409);
        assertThat(fork.body()).contains("evidence kept");
    }

    @Test
    void remembersTheRotationAcrossARestart() throws Exception {
        NoteSigner next = NoteSigner.of("gongzhang.org/log", TestKeys.ed25519Pair("next log key"));
        assertThat(postRotation(LogKeyRotation.sign(log, next).toString()).statusCode()).isEqualTo(200);
        server.close();
        state.close();

        state = WitnessState.open(dir.resolve("state"));
        server = WitnessServer.start(witness(), new InetSocketAddress("127.0.0.1", 0));

        assertThat(post(AddCheckpointRequest.body(0, List.of(), checkpoint(leaves, 3, next))).statusCode()).isEqualTo(200);
        assertThat(post(AddCheckpointRequest.body(3, proof(leaves, 3, 4), checkpoint(leaves, 4))).statusCode())
                .isEqualTo(403);
    }

    private HttpResponse<String> postRotation(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + "/log-key-rotation"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private SignedNote checkpoint(List<byte[]> tree, int size, NoteSigner logKey) {
        return Checkpoint.forBook("lanyuan-public", size, MerkleTree.root(tree.subList(0, size))).sign(logKey);
    }

    private Witness witness() throws IOException {
        return new Witness(cosigner, List.of(log.verifierKey()), Checkpoint.bookOrigin(""), state,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + "/add-checkpoint"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private SignedNote checkpoint(List<byte[]> tree, int size) {
        return Checkpoint.forBook("lanyuan-public", size, MerkleTree.root(tree.subList(0, size))).sign(log);
    }

    private static List<byte[]> proof(List<byte[]> tree, int from, int to) {
        return MerkleTree.consistencyProof(tree.subList(0, to), from).hashes();
    }

    private static List<byte[]> leaves(String label, int count) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(MerkleHash.leaf((label + " entry " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    private List<Path> evidence() throws IOException {
        try (var files = Files.list(state.directory().resolve("evidence"))) {
            return files.toList();
        }
    }
}
