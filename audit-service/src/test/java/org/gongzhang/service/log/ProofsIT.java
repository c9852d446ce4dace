package org.gongzhang.service.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.gongzhang.service.support.LedgerClient.Answer;
import org.gongzhang.service.support.Problems;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.checkpoint.NoteVerifierKey;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.entry.EntryHeader;
import org.gongzhang.verifier.entry.SignedEntry;
import org.gongzhang.verifier.merkle.ConsistencyProof;
import org.gongzhang.verifier.merkle.InclusionProof;
import org.gongzhang.verifier.merkle.MerkleTree;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A resident who trusts only the published log key checks the public proofs: every number used
 * below comes either from a checkpoint verified under that key or from an entry she hashed
 * herself; the server's own {@code leafHash} and {@code root} fields are only compared, never trusted.
 */
class ProofsIT extends ServiceIT {

    @Autowired
    private JdbcTemplate jdbc;

    private static final String DEMO = "lanyuan-public";

    @Test
    void inclusionProofsOfDemoEntriesVerifyAgainstTheSignedCheckpoint() {
        Checkpoint checkpoint = trustedCheckpoint("/api/books/" + DEMO + "/checkpoint", DEMO);
        assertThat(checkpoint.size()).as("the demo closed periods, so it has a checkpoint").isGreaterThan(2);
        long size = checkpoint.size();
        for (long index : new long[] {0, 1, size / 2, size - 2, size - 1}) {
            JsonNode proof = ok("/api/books/" + DEMO + "/proofs/inclusion?index=" + index);
            assertThat(proof.get("book").asText()).isEqualTo(DEMO);
            assertThat(proof.get("index").asLong()).isEqualTo(index);
            assertThat(proof.get("size").asLong()).as("defaults to the latest checkpoint").isEqualTo(size);
            assertThat(proof.get("leafHash").asText()).isEqualTo(Digests.hex(leafHash(DEMO, index)));
            assertThat(proof.get("root").asText()).isEqualTo(Digests.hex(checkpoint.root()));
            assertThat(inclusion(proof).verify(leafHash(DEMO, index), checkpoint.root())).as("entry " + index).isTrue();
        }
    }

    @Test
    void anAppendsReceiptCarriesTheRootThatTheCheckpointOfThatSizeSigns() {
        TestBook book = TestBook.open(client);
        Answer receipt = book.accept(book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("10.00")));
        long index = receipt.json().get("index").asLong();
        signCheckpoint(book.id);

        Checkpoint checkpoint = trustedCheckpoint("/api/books/" + book.id + "/checkpoints/" + (index + 1), book.id);
        assertThat(receipt.json().get("root").asText()).isEqualTo(Digests.hex(checkpoint.root()));
    }

    @Test
    void proofsFromStoredSubtreesAreTheProofsOverEveryAcceptedEntryAtEverySize() {
        List<byte[]> leaves = jdbc.queryForList(
                "select entry_hash from ledger_entry where book_id = ? order by entry_index", String.class, DEMO)
                .stream().map(Digests::unhex).toList();
        assertThat(leaves.size()).as("a demo book of some size").isGreaterThan(100);
        for (int size = 1; size <= leaves.size(); size += size < 40 ? 1 : 37) {
            List<byte[]> prefix = leaves.subList(0, size);
            for (int index : new int[] {0, size / 3, size - 1}) {
                JsonNode proof = ok("/api/books/" + DEMO + "/proofs/inclusion?index=" + index + "&size=" + size);
                assertThat(proof.get("root").asText()).isEqualTo(Digests.hex(MerkleTree.root(prefix)));
                assertThat(hashes(proof)).as("path of %d in %d", index, size)
                        .isEqualTo(MerkleTree.inclusionProof(prefix, index).hexHashes());
            }
            JsonNode consistency = ok("/api/books/" + DEMO + "/proofs/consistency?from=" + (size + 1) / 2 + "&to=" + size);
            assertThat(hashes(consistency)).as("consistency to %d", size)
                    .isEqualTo(MerkleTree.consistencyProof(prefix, (size + 1) / 2).hexHashes());
        }
        assertThat(client.get("/api/books/" + DEMO + "/head").json().get("size").asLong()).isEqualTo(leaves.size());
    }

    @Test
    void theSubtreesStoredWithEachAppendAreTheOnesARebuildFromTheIndexComputes() {
        TestBook book = TestBook.open(client);
        for (int i = 0; i < 6; i++) {
            book.postVoucher(book.parkingVoucher((i + 1) + "0.00"));
        }
        String nodes = "select level || ':' || node_index || ':' || encode(hash, 'hex') from merkle_node"
                + " where book_id = ? order by level, node_index";
        String row = "select tree_size || ':' || head_hash || ':' || encode(compact_range, 'hex') from book_log where book_id = ?";
        List<String> appended = jdbc.queryForList(nodes, String.class, book.id);
        String appendedRow = jdbc.queryForObject(row, String.class, book.id);
        assertThat(appended).hasSizeGreaterThan((int) book.size());

        jdbc.queryForList("select ledger_merkle_rebuild(?)", book.id);

        assertThat(jdbc.queryForList(nodes, String.class, book.id)).isEqualTo(appended);
        assertThat(jdbc.queryForObject(row, String.class, book.id)).isEqualTo(appendedRow);
    }

    @Test
    void anInclusionProofDoesNotVouchForAnotherEntry() {
        Checkpoint checkpoint = trustedCheckpoint("/api/books/" + DEMO + "/checkpoint", DEMO);
        JsonNode proof = ok("/api/books/" + DEMO + "/proofs/inclusion?index=3");

        assertThat(inclusion(proof).verify(leafHash(DEMO, 3), checkpoint.root())).isTrue();
        assertThat(inclusion(proof).verify(leafHash(DEMO, 4), checkpoint.root())).isFalse();
        assertThat(inclusion(proof).verify(leafHash(DEMO, 3), leafHash(DEMO, 4))).as("another root").isFalse();
    }

    @Test
    void anInclusionProofAtAnExplicitSizeVerifiesAgainstTheCheckpointOfThatSize() {
        TestBook book = TestBook.open(client);
        book.postVoucher(book.parkingVoucher("100.00"));
        signCheckpoint(book.id);
        book.postVoucher(book.parkingVoucher("200.00"));
        signCheckpoint(book.id);

        Checkpoint older = trustedCheckpoint("/api/books/" + book.id + "/checkpoints/5", book.id);
        JsonNode proof = ok("/api/books/" + book.id + "/proofs/inclusion?index=4&size=5");

        assertThat(proof.get("size").asLong()).isEqualTo(5);
        assertThat(inclusion(proof).verify(leafHash(book.id, 4), older.root())).isTrue();
    }

    @Test
    void aConsistencyProofShowsTheLogOnlyGrewBetweenTwoCheckpoints() {
        TestBook book = TestBook.open(client);
        book.postVoucher(book.parkingVoucher("100.00"));
        signCheckpoint(book.id);
        book.postVoucher(book.parkingVoucher("200.00"));
        book.postVoucher(book.parkingVoucher("300.00"));
        signCheckpoint(book.id);
        Checkpoint older = trustedCheckpoint("/api/books/" + book.id + "/checkpoints/5", book.id);
        Checkpoint newer = trustedCheckpoint("/api/books/" + book.id + "/checkpoint", book.id);
        assertThat(newer.size()).isEqualTo(11);

        JsonNode proof = ok("/api/books/" + book.id + "/proofs/consistency?from=5&to=11");

        assertThat(proof.get("fromRoot").asText()).isEqualTo(Digests.hex(older.root()));
        assertThat(proof.get("toRoot").asText()).isEqualTo(Digests.hex(newer.root()));
        assertThat(consistency(proof).verify(older.root(), newer.root())).isTrue();
        assertThat(tampered(proof).verify(older.root(), newer.root())).as("one hash altered").isFalse();
        assertThat(consistency(proof).verify(newer.root(), older.root())).as("roots swapped").isFalse();
    }

    @Test
    void theKeysListTheDemoKeyThatWasRevoked() {
        JsonNode keys = ok("/api/books/" + DEMO + "/keys");

        JsonNode chenJie = null;
        for (JsonNode key : keys) {
            assertThat(key.get("publicKey").asText()).startsWith("-----BEGIN PUBLIC KEY-----");
            assertThat(key.get("registeredAt").asLong()).isNotNegative();
            if (key.get("actor").asText().equals("agent:chen-jie")) {
                chenJie = key;
            }
        }
        assertThat(chenJie).as(keys.toString()).isNotNull();
        assertThat(chenJie.get("role").asText()).isEqualTo("AGENT_PREPARER");
        assertThat(chenJie.get("revokedAt").isIntegralNumber()).as(chenJie.toString()).isTrue();
        assertThat(chenJie.get("revokedAt").asLong()).isGreaterThan(chenJie.get("registeredAt").asLong());
        EntryHeader revocation = entry(DEMO, chenJie.get("revokedAt").asLong()).header();
        assertThat(revocation.kind()).isEqualTo("key.revoked");
        assertThat(revocation.payload().path("keyId").asText()).isEqualTo(chenJie.get("keyId").asText());
        assertThat(keys).filteredOn(k -> !k.get("actor").asText().equals("agent:chen-jie"))
                .isNotEmpty().allMatch(k -> k.get("revokedAt").isNull());
    }

    @Test
    void badProofRequestsAreRefused() {
        TestBook book = TestBook.open(client);
        signCheckpoint(book.id);
        String base = "/api/books/" + book.id;

        refused(book, base + "/proofs/inclusion?index=2", 422, "proof.index.out-of-range", "index");
        refused(book, base + "/proofs/inclusion?index=-1&size=2", 422, "proof.index.out-of-range", "index");
        refused(book, base + "/proofs/inclusion?index=0&size=3", 422, "proof.size.out-of-range", "size");
        refused(book, base + "/proofs/inclusion?index=0&size=0", 422, "proof.size.out-of-range", "size");
        refused(book, base + "/proofs/consistency?from=2&to=1", 422, "proof.consistency.reversed", "from");
        refused(book, base + "/proofs/consistency?from=0&to=2", 422, "proof.consistency.from-empty", "from");
        refused(book, base + "/proofs/consistency?from=1&to=3", 422, "proof.size.out-of-range", "to");
        refused(book, base + "/checkpoints/1", 404, "proof.checkpoint.not-found", "size");
    }

    @Test
    void aProofWhoseRootDisagreesWithTheSignedCheckpointIsNotServed() {
        TestBook book = TestBook.open(client);
        book.accept(book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("10.00")));
        signCheckpoint(book.id);
        long size = book.size();
        String base = "/api/books/" + book.id;
        String inclusion = base + "/proofs/inclusion?index=1&size=" + size;
        String consistency = base + "/proofs/consistency?from=1&to=" + size;
        assertThat(client.get(inclusion).status()).isEqualTo(200);
        assertThat(client.get(consistency).status()).isEqualTo(200);
        // someone with access to the database rewrites the stored hash of the book's first entry: the
        // root of 3 entries is built from the stored subtree over entries 0-1 and entry 2, so only
        // the proofs that cite entry 0's hash change, and they no longer verify
        JdbcTemplate owner = schemaOwner();
        byte[] stored = owner.queryForObject(
                "select hash from merkle_node where book_id = ? and level = 0 and node_index = 0", byte[].class, book.id);
        byte[] forged = stored.clone();
        forged[0] ^= 1;
        owner.update("update merkle_node set hash = ? where book_id = ? and level = 0 and node_index = 0", forged, book.id);
        try {
            Problems.assertProblem(client.get(inclusion), 409, "log.inconsistent", "");
            Problems.assertProblem(client.get(consistency), 409, "log.inconsistent", "");
        } finally {
            owner.update("update merkle_node set hash = ? where book_id = ? and level = 0 and node_index = 0", stored,
                    book.id);
        }
        assertThat(client.get(inclusion).status()).isEqualTo(200);
    }

    @Test
    void aBookWithoutACheckpointHasNoneToServe() {
        TestBook book = TestBook.open(client);

        refused(book, "/api/books/" + book.id + "/checkpoint", 404, "proof.checkpoint.none", "book");
        refused(book, "/api/books/" + book.id + "/proofs/inclusion?index=0", 404, "proof.checkpoint.none", "book");
        assertThat(ok("/api/books/" + book.id + "/proofs/inclusion?index=0&size=2").get("hashes")).hasSize(1);
    }

    @Test
    void anUnknownBookIsNotFound() {
        for (String path : List.of("/checkpoint", "/checkpoints/1", "/proofs/inclusion?index=0&size=1",
                "/proofs/consistency?from=1&to=1", "/keys")) {
            Answer answer = client.get("/api/books/no-such-book" + path);
            Problems.assertProblem(answer, 404, "book.not-found", "book");
        }
    }

    /** The note at {@code path}, checked under the published log key, read as the book's checkpoint. */
    private Checkpoint trustedCheckpoint(String path, String book) {
        Answer note = client.get(path);
        assertThat(note.status()).as(note.body()).isEqualTo(200);
        assertThat(note.contentType()).startsWith("text/plain");
        NoteVerifierKey logKey = NoteVerifierKey.parse(client.get("/api/log-key").body().strip());
        SignedNote signed = SignedNote.parse(note.body());
        assertThat(signed.isSignedBy(logKey)).as("signed by the published log key").isTrue();
        Checkpoint checkpoint = Checkpoint.parse(signed.text());
        assertThat(checkpoint.origin()).isEqualTo(Checkpoint.bookOrigin(book));
        return checkpoint;
    }

    private void signCheckpoint(String book) {
        Answer answer = client.as("zhao-min").post("/api/books/" + book + "/checkpoints", "", "en");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    /** The RFC 6962 leaf hash of entry {@code index}, computed here from the entry as signed. */
    private byte[] leafHash(String book, long index) {
        return entry(book, index).leafHash();
    }

    private SignedEntry entry(String book, long index) {
        Answer answer = client.get("/api/books/" + book + "/entries/" + index);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return SignedEntry.fromLeaf(answer.body());
    }

    private JsonNode ok(String path) {
        Answer answer = client.get(path);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static InclusionProof inclusion(JsonNode proof) {
        return InclusionProof.fromHex(proof.get("index").asLong(), proof.get("size").asLong(), hashes(proof));
    }

    private static ConsistencyProof consistency(JsonNode proof) {
        return ConsistencyProof.fromHex(proof.get("from").asLong(), proof.get("to").asLong(), hashes(proof));
    }

    private static ConsistencyProof tampered(JsonNode proof) {
        List<String> hashes = new ArrayList<>(hashes(proof));
        String first = hashes.get(0);
        hashes.set(0, (first.charAt(0) == '0' ? "1" : "0") + first.substring(1));
        return ConsistencyProof.fromHex(proof.get("from").asLong(), proof.get("to").asLong(), hashes);
    }

    private static List<String> hashes(JsonNode proof) {
        List<String> hashes = new ArrayList<>();
        proof.get("hashes").forEach(h -> hashes.add(h.asText()));
        return hashes;
    }

    /** A refusal answers only the problem: the book and its checkpoints stay as they were. */
    private void refused(TestBook book, String path, int status, String code, String field) {
        long size = book.size();
        String checkpoint = client.get("/api/books/" + book.id + "/checkpoint").body();
        Problems.assertProblem(client.get(path), status, code, field);
        assertThat(book.size()).as("nothing appended").isEqualTo(size);
        assertThat(client.get("/api/books/" + book.id + "/checkpoint").body()).as("nothing signed").isEqualTo(checkpoint);
    }
}
