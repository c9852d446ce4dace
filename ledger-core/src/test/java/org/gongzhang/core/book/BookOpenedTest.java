package org.gongzhang.core.book;

import static org.gongzhang.core.book.BookFixtures.refusal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.gongzhang.core.book.api.BookId;
import org.gongzhang.core.book.api.BookOpenedEvent;
import org.gongzhang.core.book.api.OpenBookCommand;
import org.gongzhang.verifier.entry.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 建账: the genesis entry. */
class BookOpenedTest {

    private AggregateTestFixture<Book> fixture;
    private BookFixtures fx;

    @BeforeEach
    void setUp() {
        fixture = BookFixtures.aggregate();
        fx = BookFixtures.ed25519();
    }

    private void refused(Consumer<ObjectNode> change, String code, String field) {
        ObjectNode payload = fx.genesisPayload();
        change.accept(payload);
        fixture.givenNoPriorActivity().when(fx.open(payload)).expectException(refusal(code, field));
    }

    private OpenBookCommand openWithEnvelope(Consumer<ObjectNode> change) {
        return new OpenBookCommand(new BookId(BookFixtures.BOOK),
                fx.entry(fx.preparer, "book.opened", fx.genesisPayload(), change));
    }

    @Test
    void opensABookWithItsChartAndKeys() {
        OpenBookCommand open = fx.open();
        fixture.givenNoPriorActivity().when(open).expectEvents(new BookOpenedEvent(open.entry()));
    }

    @Test
    void theReviewerMayOpenTheBookToo() {
        fixture.givenNoPriorActivity()
                .when(new OpenBookCommand(new BookId(BookFixtures.BOOK), fx.entry(fx.reviewer, "book.opened", fx.genesisPayload())))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theSignerMustBeAmongTheListedKeys() {
        refused(p -> ((ArrayNode) p.get("keys")).remove(0), "entry.key.unknown", "entry.keyId");
    }

    @Test
    void theCommunityAuditorDoesNotOpenBooks() {
        fixture.givenNoPriorActivity()
                .when(new OpenBookCommand(new BookId(BookFixtures.BOOK), fx.entry(fx.auditor, "book.opened", fx.genesisPayload())))
                .expectException(refusal("entry.role.not-permitted", "entry.role"));
    }

    @Test
    void theGenesisEntryIsEntryZero() {
        fixture.givenNoPriorActivity().when(openWithEnvelope(e -> e.put("index", 1)))
                .expectException(refusal("entry.index.stale", "entry.index"));
    }

    @Test
    void theGenesisEntryCitesSixtyFourZeros() {
        fixture.givenNoPriorActivity().when(openWithEnvelope(e -> e.put("prev", "1".repeat(64))))
                .expectException(refusal("entry.prev.mismatch", "entry.prev"));
    }

    @Test
    void theGenesisEntryIsForTheBookBeingOpened() {
        fixture.givenNoPriorActivity().when(openWithEnvelope(e -> e.put("book", "meiyuan-public")))
                .expectException(refusal("entry.book.mismatch", "entry.book"));
    }

    @Test
    void aBookOpensWithBookOpenedAndNothingElse() {
        fixture.givenNoPriorActivity().when(new OpenBookCommand(new BookId(BookFixtures.BOOK),
                        fx.entry(fx.preparer, "voucher.recorded", BookFixtures.parkingFee("v1", "2026-03-15"))))
                .expectException(refusal("book.not-opened", "entry.kind"));
    }

    @Test
    void theGenesisEntryIsRecordedNow() {
        fixture.givenNoPriorActivity().when(openWithEnvelope(e -> e.put("recordedAt", "2026-04-01T02:00:00Z")))
                .expectException(refusal("entry.recorded-at.skew", "entry.recordedAt"));
    }

    @Test
    void theFundIsPublicIncomeOrMaintenanceFund() {
        refused(p -> p.put("fund", "PARKING"), "book.fund.unknown", "entry.payload.fund");
    }

    @Test
    void opensAMaintenanceFundBook() {
        ObjectNode payload = fx.genesisPayload().put("fund", "MAINTENANCE_FUND");
        fixture.givenNoPriorActivity().when(fx.open(payload)).expectSuccessfulHandlerExecution();
    }

    @Test
    void theStartPeriodIsYearDashMonth() {
        refused(p -> p.put("startPeriod", "2026/03"), "period.invalid", "entry.payload.startPeriod");
    }

    @Test
    void theCompoundHasAValidId() {
        refused(p -> p.with("compound").put("id", "兰园"), "book.id.invalid", "entry.payload.compound.id");
    }

    @Test
    void theCompoundHasAName() {
        refused(p -> p.with("compound").put("name", " "), "book.name.blank", "entry.payload.compound.name");
    }

    @Test
    void theStreetIsNamed() {
        refused(p -> p.remove("street"), "entry.malformed", "entry.payload.street");
    }

    @Test
    void theChartIsNotEmpty() {
        refused(p -> p.putArray("accounts"), "book.chart.empty", "entry.payload.accounts");
    }

    @Test
    void everyParentIsInTheChart() {
        refused(p -> ((ArrayNode) p.get("accounts")).remove(1), "account.parent.unknown", "entry.payload.accounts[1].parent");
    }

    @Test
    void aChildsCodeExtendsItsParents() {
        refused(p -> ((ObjectNode) p.get("accounts").get(2)).put("parent", "1001"),
                "account.code.not-under-parent", "entry.payload.accounts[2].code");
    }

    @Test
    void aSecondLevelAccountHasAParent() {
        refused(p -> ((ObjectNode) p.get("accounts").get(2)).putNull("parent"),
                "account.code.not-under-parent", "entry.payload.accounts[2].parent");
    }

    @Test
    void aChildHasItsParentsDirection() {
        refused(p -> ((ObjectNode) p.get("accounts").get(2)).put("direction", "CREDIT"),
                "account.direction.differs-from-parent", "entry.payload.accounts[2].direction");
    }

    @Test
    void aDirectionIsDebitOrCredit() {
        refused(p -> ((ObjectNode) p.get("accounts").get(0)).put("direction", "借"),
                "account.direction.invalid", "entry.payload.accounts[0].direction");
    }

    @Test
    void codesAreUnique() {
        refused(p -> ((ArrayNode) p.get("accounts")).add(p.get("accounts").get(0).deepCopy()),
                "account.code.duplicate", "entry.payload.accounts[36].code");
    }

    @Test
    void atLeastOneKeyIsListed() {
        refused(p -> p.putArray("keys"), "entry.malformed", "entry.payload.keys");
    }

    @Test
    void aKeyIdIsItsPublicKeysFingerprint() {
        BookFixtures.Signer other = fx.signer("agent:x", Role.AGENT_REVIEWER, "某");
        refused(p -> ((ObjectNode) p.get("keys").get(1)).put("publicKey", other.publicKey()),
                "entry.malformed", "entry.payload.keys[1].keyId");
    }
}
