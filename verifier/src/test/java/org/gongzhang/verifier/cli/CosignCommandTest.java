package org.gongzhang.verifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.stream.Collectors;
import org.gongzhang.verifier.checkpoint.NoteSigner;
import org.gongzhang.verifier.checkpoint.NoteVerifierKey;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.entry.SignedEntry;
import org.gongzhang.verifier.fixtures.BookFixture;
import org.gongzhang.verifier.merkle.MerkleTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ledger cosign}: a witness signs only a checkpoint the log signed and that extends the last one it cosigned. */
class CosignCommandTest {

    private static final String BOOK_PATH = "/api/books/" + BookFixture.BOOK;

    @TempDir
    Path dir;

    private final BookFixture book = BookFixture.standard();
    private Path key;
    private Path logKey;
    private Path state;

    @BeforeEach
    void files() throws IOException {
        key = dir.resolve("auditor.key");
        Files.writeString(key, book.auditor.key().privatePem());
        logKey = dir.resolve("log.key");
        Files.writeString(logKey, book.logKey.verifierKey().toString());
        state = dir.resolve("cosigned.txt");
    }

    @Test
    void firstCosignatureSignsTheLatestCheckpointAndSavesIt() throws IOException {
        String checkpoint = book.checkpoint();
        try (var server = serving(checkpoint)) {

            var run = cosign(server);

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("cosigned", "size 8", "first cosignature");
            StubServer.Request post = server.requests().stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
            assertThat(post.path()).isEqualTo(BOOK_PATH + "/checkpoints/8/cosignatures");
            SignedNote cosigned = new SignedNote(SignedNote.parse(checkpoint).text(), List.of(
                    org.gongzhang.verifier.checkpoint.NoteSignature.parse(post.body().strip())));
            assertThat(cosigned.isSignedBy(witnessKey())).isTrue();
            assertThat(Files.readString(state)).isEqualTo(checkpoint);
        }
    }

    @Test
    void aLaterCheckpointIsCosignedAfterItsConsistencyProofVerifies() throws IOException {
        Files.writeString(state, book.checkpoint());
        List<byte[]> before = leaves();
        book.postVoucher();
        List<byte[]> after = leaves();
        String proof = "{\"hashes\":[" + MerkleTree.consistencyProof(after, before.size()).hexHashes().stream()
                .map(h -> "\"" + h + "\"").collect(Collectors.joining(",")) + "]}";
        try (var server = serving(book.checkpoint()).answer(BOOK_PATH + "/proofs/consistency", 200, proof)) {

            var run = cosign(server);

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("size " + after.size(), "consistent with size " + before.size());
            assertThat(Files.readString(state)).isEqualTo(book.checkpoint());
        }
    }

    @Test
    void aCheckpointThatDoesNotExtendTheCosignedOneIsASplitViewAndIsNotCosigned() throws IOException {
        Files.writeString(state, book.checkpoint());
        book.postVoucher();
        // the log shows a history whose first entries differ: its consistency proof cannot verify
        byte[] forkedRoot = Digests.sha256("another history".getBytes());
        String forked = book.checkpoint(book.entries().size(), forkedRoot, book.logKey);
        List<byte[]> after = leaves();
        String proof = "{\"hashes\":[" + MerkleTree.consistencyProof(after, 8).hexHashes().stream()
                .map(h -> "\"" + h + "\"").collect(Collectors.joining(",")) + "]}";
        String saved = Files.readString(state);
        try (var server = serving(forked).answer(BOOK_PATH + "/proofs/consistency", 200, proof)) {

            var run = cosign(server);

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("SPLIT VIEW");
            assertThat(server.requests()).noneMatch(r -> r.method().equals("POST"));
            assertThat(Files.readString(state)).as("the saved checkpoint stays").isEqualTo(saved);
        }
    }

    @Test
    void twoRootsForTheSameSizeAreASplitView() throws IOException {
        Files.writeString(state, book.checkpoint());
        String other = book.checkpoint(8, Digests.sha256("rewritten".getBytes()), book.logKey);
        try (var server = serving(other)) {

            var run = cosign(server);

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("SPLIT VIEW", "two different roots");
            assertThat(server.requests()).noneMatch(r -> r.method().equals("POST"));
        }
    }

    @Test
    void aShrunkLogIsASplitView() throws IOException {
        book.postVoucher();
        Files.writeString(state, book.checkpoint());
        List<SignedEntry> first = book.entries().subList(0, 8);
        String older = book.checkpoint(8, MerkleTree.root(first.stream().map(SignedEntry::leafHash).toList()), book.logKey);
        try (var server = serving(older)) {

            var run = cosign(server);

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("SPLIT VIEW", "fewer than");
        }
    }

    @Test
    void aCheckpointNotSignedByThePinnedLogKeyIsNotCosigned() throws IOException {
        String impostor = book.checkpoint(8, MerkleTree.root(leaves()), NoteSigner.generate("gongzhang.org/log"));
        try (var server = serving(impostor)) {

            var run = cosign(server);

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("no valid signature by the log key");
            assertThat(server.requests()).noneMatch(r -> r.method().equals("POST"));
        }
    }

    @Test
    void theServersRefusalIsShownAndNothingIsSaved() throws IOException {
        try (var server = new StubServer().answer(BOOK_PATH + "/checkpoint", 200, "text/plain",
                book.checkpoint().getBytes()).answer(BOOK_PATH + "/checkpoints/8/cosignatures", 422,
                "{\"code\":\"cosignature.unknown-witness\"}")) {

            var run = cosign(server);

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("422", "cosignature.unknown-witness");
            assertThat(state).doesNotExist();
        }
    }

    @Test
    void aKeyThatIsNotEd25519IsAUsageError() throws IOException {
        Files.writeString(key, book.reviewer.key().privatePem());
        try (var server = serving(book.checkpoint())) {

            var run = cosign(server);

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("--key", "not an Ed25519 private key");
        }
    }

    private StubServer serving(String checkpoint) throws IOException {
        return new StubServer().answer(BOOK_PATH + "/checkpoint", 200, "text/plain", checkpoint.getBytes())
                .answer(BOOK_PATH + "/checkpoints/", 200, "text/plain", checkpoint.getBytes());
    }

    private CliRun cosign(StubServer server) {
        return CliRun.of("cosign", "--book", BookFixture.BOOK, "--key", key.toString(), "--name", book.auditor.actor(),
                "--log-key", logKey.toString(), "--state", state.toString(), "--server", server.url());
    }

    private NoteVerifierKey witnessKey() {
        return NoteVerifierKey.of(book.auditor.actor(),
                new KeyPair(book.auditor.key().publicKey(), book.auditor.key().privateKey()).getPublic());
    }

    private List<byte[]> leaves() {
        return book.entries().stream().map(SignedEntry::leafHash).toList();
    }
}
