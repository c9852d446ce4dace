package org.gongzhang.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhang.verifier.fixtures.BookFixture.BOOK;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assertj.core.groups.Tuple;
import org.gongzhang.verifier.bundle.Bundle;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.entry.SignedEntry;
import org.gongzhang.verifier.fixtures.BookFixture;
import org.gongzhang.verifier.fixtures.Tamper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checking entries on several threads finds exactly what one thread finds: the same findings with
 * the same messages in the same order, and the same leaf hashes, whatever the batch size.
 */
class ParallelEntryChainTest {

    private final BookFixture book = BookFixture.standard();
    private final List<String> leaves = tamperedBook();

    @Test
    void oneThreadFindsEveryTamperedEntry() {
        var findings = new ArrayList<Finding>();

        EntryChain.check(BOOK, leaves, findings, EntryWorkers.threads(1), 5);

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
        var sequential = new ArrayList<Finding>();
        var parallel = new ArrayList<Finding>();

        var sequentialHashes = EntryChain.check(BOOK, leaves, sequential, EntryWorkers.threads(1), 5);
        var parallelHashes = EntryChain.check(BOOK, leaves, parallel, EntryWorkers.threads(threads), batch);

        assertThat(parallel).isNotEmpty().isEqualTo(sequential);
        assertThat(hex(parallelHashes)).isEqualTo(hex(sequentialHashes));
    }

    @Test
    void theVerifierOnAllCoresReportsWhatOneThreadFinds() {
        var sequential = new ArrayList<Finding>();
        EntryChain.check(BOOK, leaves, sequential, EntryWorkers.threads(1), 3);
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

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(Digests::hex).toList();
    }

    private static Tuple finding(long index, String code) {
        return Tuple.tuple(index, code);
    }
}
