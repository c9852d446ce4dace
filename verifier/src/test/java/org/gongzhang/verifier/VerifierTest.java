package org.gongzhang.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongzhang.verifier.fixtures.BookFixture.BOOK;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gongzhang.verifier.checkpoint.NoteSigner;
import org.gongzhang.verifier.entry.SignedEntry;
import org.gongzhang.verifier.fixtures.BookFixture;
import org.gongzhang.verifier.fixtures.Tamper;
import org.gongzhang.verifier.merkle.MerkleHash;
import org.gongzhang.verifier.merkle.MerkleTree;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class VerifierTest {

    private final BookFixture book = BookFixture.standard();
    private final String checkpoint = book.checkpoint();

    @Test
    void acceptsAnUntamperedBookSignedInBothSuites() {
        var report = verify(book.entries());

        assertThat(report.findings()).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report.entries()).isEqualTo(8);
    }

    @Test
    void rejectsEntryWhoseAmountWasChanged() {
        var altered = Tamper.edit(book.entries().get(4), e -> lines(e).forEach(line -> amountTo(line, "22345.67")));

        var report = verify(Tamper.replace(book.entries(), 4, altered));

        assertThat(codes(report)).contains(
                finding(4, "entry.signature.invalid"), finding(5, "chain.prev-mismatch"));
    }

    @Test
    void reportsEveryTamperedEntryNotOnlyTheFirst() {
        var entries = book.entries();
        entries = Tamper.replace(entries, 2, Tamper.edit(entries.get(2), e -> e.put("businessDate", "2026-01-01")));
        entries = Tamper.replace(entries, 6, Tamper.edit(entries.get(6), e -> e.put("businessDate", "2026-01-01")));

        var report = verify(entries);

        assertThat(report.at(2)).extracting(Finding::code).containsExactly("entry.signature.invalid");
        assertThat(report.at(6)).extracting(Finding::code).containsExactly("entry.signature.invalid");
        assertThat(report.at(4)).isEmpty();
    }

    @Test
    void rejectsEntryWhoseAccountWasChanged() {
        var altered = Tamper.edit(book.entries().get(1), e -> ((ObjectNode) lines(e).get(0)).put("account", "100202"));

        var report = verify(Tamper.replace(book.entries(), 1, altered));

        assertThat(codes(report)).contains(
                finding(1, "entry.signature.invalid"), finding(2, "chain.prev-mismatch"));
    }

    @Test
    void rejectsBookWithADeletedEntry() {
        var report = verify(Tamper.delete(book.entries(), 3));

        assertThat(codes(report)).contains(
                finding(3, "index.gap"), finding(3, "chain.prev-mismatch"), finding(7, "checkpoint.size-mismatch"));
    }

    @Test
    void reportsTwoSwappedEntriesAtTheFirstOfThem() {
        var report = verify(Tamper.swap(book.entries(), 3, 4));

        assertThat(codes(report).get(0)).isEqualTo(finding(3, "index.gap"));
        assertThat(codes(report)).contains(finding(3, "chain.prev-mismatch"));
    }

    @Test
    void rejectsInsertedEntrySignedByAnUnregisteredKey() {
        var forger = book.preparer.withNewKey();
        var entries = book.entries();
        var forged = SignedEntry.sign(book.envelope(forger, "voucher.posted", BookFixture.payload("voucherId", "x"), 3,
                entries.get(2).hash()), forger.key());

        var report = verify(Tamper.insert(entries, 3, forged));

        assertThat(codes(report)).contains(
                finding(3, "entry.key.unknown"), finding(4, "index.gap"), finding(4, "chain.prev-mismatch"));
    }

    @Test
    void rejectsEntryWhoseSignatureWasReplaced() {
        var entries = book.entries();
        var replaced = new SignedEntry(entries.get(2).entry(), entries.get(5).signature());

        var report = verify(Tamper.replace(entries, 2, replaced));

        assertThat(codes(report)).contains(
                finding(2, "entry.signature.invalid"), finding(3, "chain.prev-mismatch"));
    }

    @Test
    void reportsTruncatedTailAtTheFirstMissingIndex() {
        var report = verify(book.entries().subList(0, 6));

        assertThat(report.findings()).containsExactly(
                new Finding(6, "checkpoint.size-mismatch", "checkpoint covers 8 entries, bundle holds 6"));
    }

    @Test
    void rejectsEntrySignedByARevokedKey() {
        book.append(book.auditor, "key.revoked",
                BookFixture.payload("keyId", book.preparer.key().keyId()).put("reason", "离职"));
        book.recordVoucher();

        var report = Verifier.verify(BOOK, book.entries(), Optional.of(book.checkpoint()), book.logKey.verifierKey());

        assertThat(codes(report)).containsExactly(finding(9, "entry.key.revoked"));
    }

    @Test
    void rejectsCheckpointWithAWrongRoot() {
        var wrongRoot = book.checkpoint(8, MerkleHash.leaf(new byte[] {1}), book.logKey);

        var report = Verifier.verify(BOOK, book.entries(), Optional.of(wrongRoot), book.logKey.verifierKey());

        assertThat(codes(report)).containsExactly(finding(Finding.WHOLE_LOG, "checkpoint.root-mismatch"));
    }

    @Test
    void rejectsCheckpointWithAWrongSize() {
        var wrongSize = book.checkpoint(5, rootOf(book.entries()), book.logKey);

        var report = Verifier.verify(BOOK, book.entries(), Optional.of(wrongSize), book.logKey.verifierKey());

        assertThat(codes(report)).contains(
                finding(5, "checkpoint.size-mismatch"), finding(Finding.WHOLE_LOG, "checkpoint.root-mismatch"));
    }

    @Test
    void rejectsCheckpointSignedByAnotherKeyUnderTheLogsName() {
        var forger = NoteSigner.generate(book.logKey.verifierKey().name());
        var forged = book.checkpoint(8, rootOf(book.entries()), forger);

        var report = Verifier.verify(BOOK, book.entries(), Optional.of(forged), book.logKey.verifierKey());

        assertThat(codes(report)).containsExactly(finding(Finding.WHOLE_LOG, "checkpoint.signature-invalid"));
    }

    @Test
    void rejectsEntryRecordedBeforeThePreviousOne() {
        var entries = book.entries();
        var backdated = SignedEntry.sign(Tamper.edit(entries.get(3), e -> e.put("recordedAt", "2026-03-15T09:00:00Z"))
                .json(), book.preparer.key());

        var report = verify(Tamper.replace(entries, 3, backdated));

        assertThat(codes(report)).contains(finding(3, "time.backwards"));
    }

    @Test
    void rejectsEntryOfAnotherBook() {
        var entries = book.entries();
        var moved = SignedEntry.sign(Tamper.edit(entries.get(1), e -> e.put("book", "other-book")).json(),
                book.preparer.key());

        var report = verify(Tamper.replace(entries, 1, moved));

        assertThat(codes(report)).contains(finding(1, "book.mismatch"));
    }

    @Test
    void reportsALineThatIsNotAnEntryAtItsIndexAndKeepsGoing() {
        var entries = book.entries();
        var garbage = new SignedEntry("{\"not\":\"an entry\"}", "AAAA");

        var report = verify(Tamper.replace(entries, 2, garbage));

        assertThat(codes(report)).contains(finding(2, "entry.malformed"), finding(3, "chain.prev-mismatch"));
    }

    @Test
    void rejectsASecondGenesisLaterInTheLog() {
        var second = BookFixture.opened().entries().get(0);
        var entries = Tamper.replace(book.entries(), 7, second);

        var report = verify(entries);

        assertThat(codes(report)).contains(finding(7, "genesis.misplaced"));
    }

    @Test
    void rejectsALogThatDoesNotStartWithItsGenesis() {
        var report = verify(book.entries().subList(1, 8));

        assertThat(codes(report)).contains(finding(0, "genesis.missing"), finding(0, "entry.key.unknown"));
    }

    @Test
    void rejectsEntryByARoleThatMayNotSignItsKind() {
        book.append(book.reviewer, "voucher.recorded", BookFixture.payload("voucherId", "v"));

        var report = Verifier.verify(BOOK, book.entries(), Optional.of(book.checkpoint()), book.logKey.verifierKey());

        assertThat(codes(report)).containsExactly(finding(8, "entry.role.not-permitted"));
    }

    @Test
    void acceptsEntriesSignedByAKeyRegisteredAfterGenesis() {
        var newcomer = book.preparer.withNewKey();
        book.append(book.auditor, "key.registered", newcomer.registration());
        book.append(newcomer, "voucher.posted", BookFixture.payload("voucherId", "v"));

        var report = Verifier.verify(BOOK, book.entries(), Optional.of(book.checkpoint()), book.logKey.verifierKey());

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void aNonEmptyBookWithoutCheckpointFails() {
        var report = Verifier.verify(BOOK, book.entries(), Optional.empty(), book.logKey.verifierKey());

        assertThat(codes(report)).containsExactly(finding(Finding.WHOLE_LOG, "checkpoint.missing"));
    }

    @Test
    void verifyingEntriesInMemoryNeedsTheLogKey() {
        var withoutKey = VerifyOptions.defaults();

        assertThatThrownBy(() -> Verifier.verify(BOOK, book.entries(), Optional.of(checkpoint), withoutKey))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("log key");
    }

    private VerificationReport verify(List<SignedEntry> entries) {
        return Verifier.verify(BOOK, entries, Optional.of(checkpoint), book.logKey.verifierKey());
    }

    private static List<JsonNode> lines(ObjectNode entry) {
        var result = new ArrayList<JsonNode>();
        entry.get("payload").get("lines").forEach(result::add);
        return result;
    }

    private static void amountTo(JsonNode line, String amount) {
        ((ObjectNode) line).put(line.has("debit") ? "debit" : "credit", amount);
    }

    private static byte[] rootOf(List<SignedEntry> entries) {
        return MerkleTree.root(entries.stream().map(SignedEntry::leafHash).toList());
    }

    /** Each finding as (index, code), leaving its message aside. */
    private static List<Tuple> codes(VerificationReport report) {
        return report.findings().stream().map(f -> finding(f.index(), f.code())).toList();
    }

    private static Tuple finding(long index, String code) {
        return Tuple.tuple(index, code);
    }
}
