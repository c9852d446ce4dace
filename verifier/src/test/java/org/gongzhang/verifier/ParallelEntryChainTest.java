package org.gongzhang.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhang.verifier.fixtures.BookFixture.BOOK;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assertj.core.groups.Tuple;
import org.gongzhang.verifier.bundle.Bundle;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.entry.SignedEntry;
import org.gongzhang.verifier.merkle.MerkleHash;
import org.gongzhang.verifier.fixtures.BookFixture;
import org.gongzhang.verifier.fixtures.Tamper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checking entries on several threads finds exactly what one thread finds: the same findings with
 * the same messages in the same order, and the same Merkle roots, whatever the batch size.
 */
class ParallelEntryChainTest {

    private final BookFixture book = BookFixture.standard();
    private final List<String> leaves = tamperedBook();

    @Test
    void oneThreadFindsEveryTamperedEntry() {
        var findings = walk(leaves, 1, 5).findings;

        assertThat(findings).extracting(Finding::index, Finding::code).contains(
                finding(5, "entry.malformed"), finding(6, "chain.prev-mismatch"),
                finding(10, "entry.signature.invalid"), finding(11, "chain.prev-mismatch"),
                finding(12, "entry.malformed"), finding(13, "chain.prev-mismatch"),
                finding(14, "index.gap"), finding(15, "index.gap"), finding(16, "chain.prev-mismatch"),
                finding(19, "entry.signature.invalid"), finding(20, "chain.prev-mismatch"),
                finding(24, "entry.key.revoked"), finding(26, "entry.key.revoked"));
        assertThat(findings).extracting(Finding::index).doesNotContain(17L, 18L, 21L, 25L);
    }

    @ParameterizedTest
    @CsvSource({"2, 5", "4, 5", "4, 7", "3, 1", "8, 2048"})
    void severalThreadsFindExactlyWhatOneThreadFinds(int threads, int batch) {
        var sequential = walk(leaves, 1, 5);
        var parallel = walk(leaves, threads, batch);

        assertThat(parallel.findings).isNotEmpty().isEqualTo(sequential.findings);
        assertThat(parallel.roots).isEqualTo(sequential.roots).hasSize(leaves.size() + 1);
    }

    @Test
    void theVerifierOnAllCoresReportsWhatOneThreadFinds() {
        var sequential = walk(leaves, 1, 3).findings;
        var bundle = book.bundle();
        var tampered = new Bundle(bundle.manifest(), leaves, bundle.checkpoint());

        var report = Verifier.verify(tampered, Optional.of(book.logKey.verifierKey()));

        assertThat(report.findings().subList(0, sequential.size())).isEqualTo(sequential);
    }

    /**
     * A book of 34 entries with a non-canonical line (5), an edited entry (10), a line that is no
     * entry (12), two swapped entries (14, 15), a key registered and used (17, 18), a forged
     * revocation of the reviewer (19, so the reviewer still signs 21) and a real revocation of the
     * preparer (23), whose later entries (24, 26, 27, …) use a revoked key.
     */
    private List<String> tamperedBook() {
        book.postVoucher();
        book.postVoucher();
        book.postVoucher();
        var newcomer = book.preparer.withNewKey();
        book.append(book.auditor, "key.registered", newcomer.registration());
        book.append(newcomer, "voucher.posted", BookFixture.payload("voucherId", "v"));
        book.append(book.auditor, "key.revoked", BookFixture.payload("keyId", book.reviewer.key().keyId()));
        book.postVoucher();
        book.append(book.auditor, "key.revoked", BookFixture.payload("keyId", book.preparer.key().keyId()));
        book.postVoucher();
        book.postVoucher();
        book.postVoucher();
        book.recordVoucher();
        List<SignedEntry> entries = book.entries();
        entries = Tamper.replace(entries, 10, Tamper.edit(entries.get(10), e -> e.put("businessDate", "2026-01-01")));
        entries = Tamper.replace(entries, 19, Tamper.edit(entries.get(19), e -> ((ObjectNode) e.get("payload")).put("reason", "离职")));
        entries = Tamper.swap(entries, 14, 15);
        List<String> lines = new ArrayList<>(entries.stream().map(SignedEntry::leaf).toList());
        lines.set(5, lines.get(5).replace("{\"entry\":", "{ \"entry\": "));
        lines.set(12, "{\"entry\":{\"not\":\"an entry\"},\"signature\":\"AAAA\"}");
        return lines;
    }

    /** What a walk of {@code leaves} on {@code threads} threads found, and the root of every prefix. */
    private static Walked walk(List<String> leaves, int threads, int batch) {
        List<String> roots = new ArrayList<>();
        try (Walk walk = new Walk(BOOK, Optional.empty(), Optional.empty(), VerifyOptions.defaults(),
                again -> leaves.forEach(leaf -> again.accept(MerkleHash.leaf(leaf.getBytes(StandardCharsets.UTF_8)))),
                threads, batch)) {
            leaves.forEach(walk::text);
            walk.end();
            for (long size = 0; size <= leaves.size(); size++) {
                roots.add(Digests.hex(walk.roots().root(size)));
            }
            return new Walked(walk.chain().findings(), roots);
        }
    }

    private record Walked(List<Finding> findings, List<String> roots) {
    }

    private static Tuple finding(long index, String code) {
        return Tuple.tuple(index, code);
    }
}
