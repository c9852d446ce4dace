package org.gongzhang.core.book;

import static org.gongzhang.core.book.BookFixtures.refusal;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.gongzhang.core.book.api.AppendEntryCommand;
import org.gongzhang.core.book.api.BookId;
import org.gongzhang.core.book.api.EntryReceipt;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.OpenBookCommand;
import org.gongzhang.core.book.api.VoucherRecordedEvent;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.entry.Role;
import org.gongzhang.verifier.entry.SignedEntry;
import org.gongzhang.verifier.merkle.MerkleTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rules every entry passes: parse, book, index, prev, recordedAt, kind, signer. */
class BookEnvelopeTest {

    private AggregateTestFixture<Book> fixture;
    private BookFixtures fx;

    @BeforeEach
    void setUp() {
        fixture = BookFixtures.aggregate();
        fx = BookFixtures.ed25519();
    }

    @Test
    void acceptsAnEntryAtTheHeadAndAnswersItsIndexHashAndRoot() {
        OpenBookCommand open = fx.open();
        fixture.givenCommands(open);
        AppendEntryCommand record = fx.record("v1", "2026-03-15");
        fixture.when(record)
                .expectEvents(new VoucherRecordedEvent(record.entry()))
                .expectResultMessagePayload(new EntryReceipt(BookFixtures.BOOK, 1, record.entry().hash(),
                        Digests.hex(MerkleTree.root(List.of(open.entry().leafHash(), record.entry().leafHash())))));
    }

    @Test
    void answersTheMerkleRootOfTheLogEndingWithEachEntryFromItsCompactRange() {
        List<Object> given = new ArrayList<>();
        List<byte[]> leaves = new ArrayList<>();
        OpenBookCommand open = fx.open();
        given.add(open);
        leaves.add(open.entry().leafHash());
        for (int i = 1; i <= 12; i++) {
            AppendEntryCommand record = fx.record("v" + i, "2026-03-15");
            given.add(record);
            leaves.add(record.entry().leafHash());
        }
        AppendEntryCommand last = fx.record("v13", "2026-03-15");
        leaves.add(last.entry().leafHash());
        fixture.givenCommands(given).when(last).expectResultMessagePayload(
                new EntryReceipt(BookFixtures.BOOK, 13, last.entry().hash(), Digests.hex(MerkleTree.root(leaves))));
    }

    @Test
    void refusesAnEntryThatDoesNotParse() {
        fixture.givenCommands(fx.open());
        AppendEntryCommand broken = fx.append(fx.entry(fx.preparer, "voucher.recorded",
                BookFixtures.parkingFee("v1", "2026-03-15"), e -> e.remove("actor")));
        fixture.when(broken).expectException(refusal("entry.malformed", "entry.actor"));
    }

    @Test
    void refusesAnEntryForAnotherBook() {
        fixture.givenCommands(fx.open());
        AppendEntryCommand other = fx.append(fx.entry(fx.preparer, "voucher.recorded",
                BookFixtures.parkingFee("v1", "2026-03-15"), e -> e.put("book", "meiyuan-public")));
        fixture.when(other).expectException(refusal("entry.book.mismatch", "entry.book"));
    }

    @Test
    void refusesAStaleIndexNamingTheExpectedOne() {
        fixture.givenCommands(fx.open());
        AppendEntryCommand stale = fx.append(fx.entry(fx.preparer, "voucher.recorded",
                BookFixtures.parkingFee("v1", "2026-03-15"), e -> e.put("index", 0)));
        fixture.when(stale)
                .expectException(refusal("entry.index.stale", "entry.index"))
                .expectException(LedgerRefusal.class)
                .expectExceptionMessage("entry.index.stale at entry.index [1]");
    }

    @Test
    void refusesAWrongPrev() {
        fixture.givenCommands(fx.open());
        AppendEntryCommand wrong = fx.append(fx.entry(fx.preparer, "voucher.recorded",
                BookFixtures.parkingFee("v1", "2026-03-15"), e -> e.put("prev", "ab".repeat(32))));
        fixture.when(wrong).expectException(refusal("entry.prev.mismatch", "entry.prev"));
    }

    @Test
    void refusesARecordedAtMoreThanFiveMinutesOffTheClock() {
        fixture.givenCommands(fx.open());
        AppendEntryCommand late = fx.append(fx.entry(fx.preparer, "voucher.recorded",
                BookFixtures.parkingFee("v1", "2026-03-15"), e -> e.put("recordedAt", "2026-04-02T02:05:01Z")));
        fixture.when(late).expectException(refusal("entry.recorded-at.skew", "entry.recordedAt"));
    }

    @Test
    void acceptsARecordedAtFiveMinutesOffTheClock() {
        fixture.givenCommands(fx.open());
        AppendEntryCommand edge = fx.append(fx.entry(fx.preparer, "voucher.recorded",
                BookFixtures.parkingFee("v1", "2026-03-15"), e -> e.put("recordedAt", "2026-04-02T02:05:00Z")));
        fixture.when(edge).expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesARecordedAtBeforeThePreviousEntrys() {
        fixture.givenCommands(fx.open(), fx.append(fx.entry(fx.preparer, "voucher.recorded",
                BookFixtures.parkingFee("v1", "2026-03-15"), e -> e.put("recordedAt", "2026-04-02T02:01:00Z"))));
        AppendEntryCommand earlier = fx.append(fx.entry(fx.reviewer, "voucher.reviewed",
                BookFixtures.json().put("voucherId", "v1"), e -> e.put("recordedAt", "2026-04-02T02:00:59Z")));
        fixture.when(earlier).expectException(refusal("entry.recorded-at.before-previous", "entry.recordedAt"));
    }

    @Test
    void refusesAnUnknownKind() {
        fixture.givenCommands(fx.open());
        fixture.when(fx.append(fx.preparer, "voucher.deleted", BookFixtures.json().put("voucherId", "v1")))
                .expectException(refusal("entry.kind.unknown", "entry.kind"));
    }

    @Test
    void refusesAnUnknownKey() {
        fixture.givenCommands(fx.open());
        BookFixtures.Signer stranger = fx.signer("agent:stranger", Role.AGENT_PREPARER, "陌生人");
        fixture.when(fx.append(stranger, "voucher.recorded", BookFixtures.parkingFee("v1", "2026-03-15")))
                .expectException(refusal("entry.key.unknown", "entry.keyId"));
    }

    @Test
    void refusesARevokedKey() {
        fixture.givenCommands(fx.open(), fx.revoke(fx.auditor, fx.preparer.keyId()));
        fixture.when(fx.record("v1", "2026-03-15"))
                .expectException(refusal("entry.key.revoked", "entry.keyId"));
    }

    @Test
    void refusesAKeyUsedForAnotherActor() {
        fixture.givenCommands(fx.open());
        AppendEntryCommand borrowed = fx.append(fx.entry(fx.preparer, "voucher.recorded",
                BookFixtures.parkingFee("v1", "2026-03-15"), e -> e.put("actor", "agent:zhang-san")));
        fixture.when(borrowed).expectException(refusal("entry.key.actor-mismatch", "entry.actor"));
    }

    @Test
    void refusesAKeyUsedInARoleItIsNotRegisteredFor() {
        fixture.givenCommands(fx.open(), fx.record("v1", "2026-03-15"));
        AppendEntryCommand review = fx.append(fx.entry(fx.preparer, "voucher.reviewed",
                BookFixtures.json().put("voucherId", "v1"), e -> e.put("role", "AGENT_REVIEWER")));
        fixture.when(review).expectException(refusal("entry.key.role-mismatch", "entry.role"));
    }

    @Test
    void refusesARoleThatMayNotSignTheKind() {
        fixture.givenCommands(fx.open(), fx.record("v1", "2026-03-15"));
        fixture.when(fx.append(fx.preparer, "voucher.reviewed", BookFixtures.json().put("voucherId", "v1")))
                .expectException(refusal("entry.role.not-permitted", "entry.role"));
    }

    @Test
    void refusesASuiteOtherThanTheKeys() {
        fixture.givenCommands(fx.open());
        AppendEntryCommand wrongSuite = fx.append(fx.entry(fx.preparer, "voucher.recorded",
                BookFixtures.parkingFee("v1", "2026-03-15"), e -> e.put("suite", "sm2-sm3")));
        fixture.when(wrongSuite).expectException(refusal("entry.key.suite-mismatch", "entry.suite"));
    }

    @Test
    void refusesASignatureOverOtherBytes() {
        fixture.givenCommands(fx.open());
        fixture.when(fx.append(fx.forged(fx.preparer, "voucher.recorded", BookFixtures.parkingFee("v1", "2026-03-15"))))
                .expectException(refusal("entry.signature.invalid", "signature"));
    }

    @Test
    void refusesASignatureMovedToAnotherEntry() {
        fixture.givenCommands(fx.open());
        SignedEntry real = fx.entry(fx.preparer, "voucher.recorded", BookFixtures.parkingFee("v1", "2026-03-15"));
        SignedEntry tampered = SignedEntry.of(real.entry().replace("12345.67", "12345.68"), real.signature());
        fixture.when(new AppendEntryCommand(new BookId(BookFixtures.BOOK), tampered))
                .expectException(refusal("entry.signature.invalid", "signature"));
    }

    @Test
    void refusesASecondGenesisEntry() {
        fixture.givenCommands(fx.open());
        fixture.when(fx.append(fx.preparer, "book.opened", fx.genesisPayload()))
                .expectException(refusal("book.opened.not-first", "entry.kind"));
    }
}
