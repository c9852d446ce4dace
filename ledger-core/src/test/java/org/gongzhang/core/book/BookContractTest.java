package org.gongzhang.core.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhang.core.book.BookFixtures.refusal;
import static org.gongzhang.core.book.TenderFixtures.AWARDED;
import static org.gongzhang.core.book.TenderFixtures.CONTRACT;
import static org.gongzhang.core.book.TenderFixtures.award;
import static org.gongzhang.core.book.TenderFixtures.contract;
import static org.gongzhang.core.book.TenderFixtures.finalAccount;
import static org.gongzhang.core.book.TenderFixtures.payment;
import static org.gongzhang.core.book.TenderFixtures.sha;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.gongzhang.core.book.api.AppendEntryCommand;
import org.gongzhang.core.book.api.ContractAcceptedEvent;
import org.gongzhang.core.book.api.ContractSettledEvent;
import org.gongzhang.core.book.api.ContractSignedEvent;
import org.gongzhang.core.book.api.VoucherRecordedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 签订合同 → 付款 → 验收 → 结算: a tendered project is contracted only with the awarded bidder after
 * the award notice, and paid only against its contract, never above it, the last payment of works
 * only after the audited final account.
 */
class BookContractTest {

    private AggregateTestFixture<Book> fixture;
    private TenderFixtures tx;

    @BeforeEach
    void setUp() {
        fixture = BookFixtures.aggregate();
        tx = new TenderFixtures(BookFixtures.ed25519());
    }

    private AppendEntryCommand pay(String voucherId, String date, String amount) {
        return tx.fx.record(payment(voucherId, date, amount));
    }

    @Test
    void runsTheWholeLifecycleFromNoticeToTheLastPayment() {
        fixture.givenCommands(tx.contracted())
                .andGivenCommands(pay("p1", "2026-03-18", "50000.00"), tx.accept("2026-03-25"),
                        tx.settle(finalAccount(AWARDED, sha('9'))));
        AppendEntryCommand last = pay("p2", "2026-03-30", "48000.00");
        fixture.when(last).expectEvents(new VoucherRecordedEvent(last.entry())).expectState(book -> {
            assertThat(contractState(book).at("/payments").findValuesAsText("voucherId")).containsExactly("p1", "p2");
            assertThat(contractState(book).at("/payments").findValues("released")).allMatch(released -> !released.asBoolean());
        });
    }

    @Test
    void signsTheContractOnceTheAwardNoticeHasEnded() {
        fixture.givenCommands(tx.awardNoticed());
        AppendEntryCommand signed = tx.sign(contract(), "2026-03-17");
        fixture.when(signed).expectEvents(new ContractSignedEvent(signed.entry()));
    }

    @Test
    void onlyTheCommitteeChairSigns() {
        fixture.givenCommands(tx.awardNoticed());
        fixture.when(tx.on("2026-03-17", tx.officer, "contract.signed", contract()))
                .expectException(refusal("entry.role.not-permitted", "entry.role"));
    }

    @Test
    void cannotContractATenderNotYetAwarded() {
        fixture.givenCommands(tx.evaluated());
        fixture.when(tx.sign(contract(), "2026-03-17"))
                .expectException(refusal("contract.tender.not-awarded", "entry.payload.tenderId"));
    }

    @Test
    void cannotContractAnUnknownTender() {
        fixture.givenCommands(tx.book());
        fixture.when(tx.sign(contract(), "2026-03-17")).expectException(refusal("tender.unknown", "entry.payload.tenderId"));
    }

    @Test
    void cannotContractBeforeTheAwardIsPosted() {
        fixture.givenCommands(tx.evaluated()).andGivenCommands(tx.award(award("b1", AWARDED)));
        fixture.when(tx.sign(contract(), "2026-03-17"))
                .expectException(refusal("contract.award.not-noticed", "entry.payload.tenderId"));
    }

    @Test
    void cannotContractOnTheLastDayOfTheAwardNotice() {
        fixture.givenCommands(tx.awardNoticed());
        fixture.when(tx.sign(contract(), "2026-03-16"))
                .expectException(refusal("contract.award.notice-running", "entry.businessDate"));
    }

    @Test
    void cannotContractWithACompanyOtherThanTheAwardedOne() {
        fixture.givenCommands(tx.awardNoticed());
        ObjectNode contract = contract();
        contract.putObject("supplier").put("name", TenderFixtures.NAMES[1]).put("creditCode", TenderFixtures.BIDDERS[1]);
        fixture.when(tx.sign(contract, "2026-03-17"))
                .expectException(refusal("contract.supplier.not-awarded", "entry.payload.supplier"));
    }

    @Test
    void cannotContractAtAnAmountOtherThanTheAward() {
        fixture.givenCommands(tx.awardNoticed());
        fixture.when(tx.sign(contract().put("amount", "98000.01"), "2026-03-17"))
                .expectException(refusal("contract.amount.not-awarded", "entry.payload.amount"));
    }

    @Test
    void citesTheSignedContractBySha256() {
        fixture.givenCommands(tx.awardNoticed());
        fixture.when(tx.sign(contract().put("documentSha256", "合同"), "2026-03-17"))
                .expectException(refusal("document.sha256.invalid", "entry.payload.documentSha256"));
    }

    @Test
    void cannotContractATenderTwice() {
        fixture.givenCommands(tx.contracted());
        fixture.when(tx.sign(contract().put("contractId", "c-2026-002"), "2026-03-18"))
                .expectException(refusal("contract.tender.already-contracted", "entry.payload.tenderId"));
    }

    @Test
    void cannotReuseAContractId() {
        fixture.givenCommands(tx.contracted());
        fixture.when(tx.sign(contract(), "2026-03-18"))
                .expectException(refusal("contract.id.duplicate", "entry.payload.contractId"));
    }

    @Test
    void paysTheContractFromTheBankIntoAnExpense() {
        fixture.givenCommands(tx.contracted());
        AppendEntryCommand paid = pay("p1", "2026-03-18", "50000.00");
        fixture.when(paid).expectEvents(new VoucherRecordedEvent(paid.entry()));
    }

    @Test
    void cannotPayAnUnknownContract() {
        fixture.givenCommands(tx.book());
        fixture.when(pay("p1", "2026-03-18", "50000.00"))
                .expectException(refusal("contract.unknown", "entry.payload.payment.contract"));
    }

    @Test
    void aContractPaymentDebitsAnExpense() {
        fixture.givenCommands(tx.contracted());
        ObjectNode prepaid = payment("p1", "2026-03-18", "50000.00");
        ((ObjectNode) prepaid.withArray("lines").get(0)).put("account", "1141");
        fixture.when(tx.fx.record(prepaid))
                .expectException(refusal("contract.payment.debit-not-expense", "entry.payload.lines[0].account"));
    }

    @Test
    void aContractPaymentCreditsCashOrBank() {
        fixture.givenCommands(tx.contracted());
        ObjectNode owed = payment("p1", "2026-03-18", "50000.00");
        ((ObjectNode) owed.withArray("lines").get(1)).put("account", "2202");
        fixture.when(tx.fx.record(owed))
                .expectException(refusal("contract.payment.credit-not-cash", "entry.payload.lines[1].account"));
    }

    @Test
    void cannotPayBeforeTheContractWasSigned() {
        fixture.givenCommands(tx.contracted());
        fixture.when(pay("p1", "2026-03-16", "50000.00"))
                .expectException(refusal("contract.payment.before-signing", "entry.payload.date"));
    }

    @Test
    void cannotPayMoreThanTheContract() {
        fixture.givenCommands(tx.contracted()).andGivenCommands(pay("p1", "2026-03-18", "50000.00"));
        fixture.when(pay("p2", "2026-03-19", "48000.01"))
                .expectException(refusal("contract.payment.above-contract", "entry.payload.lines"));
    }

    @Test
    void theLastPaymentOfWorksWaitsForTheAuditedFinalAccount() {
        fixture.givenCommands(tx.contracted()).andGivenCommands(pay("p1", "2026-03-18", "50000.00"));
        fixture.when(pay("p2", "2026-03-19", "48000.00"))
                .expectException(refusal("contract.payment.before-final-account", "entry.payload.payment.contract"));
    }

    @Test
    void anyPaymentOfWorksAfterAcceptanceWaitsForTheFinalAccount() {
        fixture.givenCommands(tx.contracted()).andGivenCommands(tx.accept("2026-03-25"));
        fixture.when(pay("p1", "2026-03-26", "1000.00"))
                .expectException(refusal("contract.payment.before-final-account", "entry.payload.payment.contract"));
    }

    @Test
    void servicesArePaidInFullWithoutAFinalAccount() {
        fixture.givenCommands(tx.services().contracted());
        fixture.when(pay("p1", "2026-03-18", AWARDED)).expectSuccessfulHandlerExecution();
    }

    @Test
    void aVoidedPaymentReleasesItsAmount() {
        fixture.givenCommands(tx.contracted())
                .andGivenCommands(pay("p1", "2026-03-18", "50000.00"), tx.fx.voidVoucher("p1", "重复录入"));
        fixture.when(pay("p2", "2026-03-19", "90000.00")).expectSuccessfulHandlerExecution()
                .expectState(book -> assertThat(contractState(book).at("/payments").findValues("released"))
                        .extracting(JsonNode::asBoolean).containsExactly(true, false));
    }

    @Test
    void aReversedPaymentReleasesItsAmount() {
        fixture.givenCommands(tx.contracted())
                .andGivenCommands(pay("p1", "2026-03-18", "50000.00"), tx.fx.review("p1"), tx.fx.post("p1"),
                        tx.fx.reverse("r1", "p1", "2026-03-19"));
        fixture.when(pay("p2", "2026-03-19", "90000.00")).expectSuccessfulHandlerExecution();
    }

    @Test
    void acceptsTheWorks() {
        fixture.givenCommands(tx.contracted());
        AppendEntryCommand accepted = tx.accept("2026-03-25");
        fixture.when(accepted).expectEvents(new ContractAcceptedEvent(accepted.entry()));
    }

    @Test
    void cannotAcceptAnUnknownContract() {
        fixture.givenCommands(tx.awardNoticed());
        fixture.when(tx.accept("2026-03-25")).expectException(refusal("contract.unknown", "entry.payload.contractId"));
    }

    @Test
    void cannotAcceptTwice() {
        fixture.givenCommands(tx.contracted()).andGivenCommands(tx.accept("2026-03-25"));
        fixture.when(tx.accept("2026-03-26")).expectException(refusal("contract.already-accepted", "entry.payload.contractId"));
    }

    @Test
    void cannotDateTheAcceptanceAfterItsEntry() {
        fixture.givenCommands(tx.contracted());
        fixture.when(tx.on("2026-03-25", tx.chair, "contract.accepted", BookFixtures.json().put("contractId", CONTRACT)
                        .put("acceptanceSha256", sha('d')).put("date", "2026-03-26")))
                .expectException(refusal("contract.acceptance.date-invalid", "entry.payload.date"));
    }

    @Test
    void settlesWorksWithTheAuditReport() {
        fixture.givenCommands(tx.contracted()).andGivenCommands(tx.accept("2026-03-25"));
        AppendEntryCommand settled = tx.settle(finalAccount("97000.00", sha('9')));
        fixture.when(settled).expectEvents(new ContractSettledEvent(settled.entry()));
    }

    @Test
    void onlyTheCommunityAuditorSettles() {
        fixture.givenCommands(tx.contracted()).andGivenCommands(tx.accept("2026-03-25"));
        fixture.when(tx.on("2026-03-28", tx.chair, "contract.final-account", finalAccount(AWARDED, sha('9'))))
                .expectException(refusal("entry.role.not-permitted", "entry.role"));
    }

    @Test
    void cannotSettleBeforeAcceptance() {
        fixture.givenCommands(tx.contracted());
        fixture.when(tx.settle(finalAccount(AWARDED, sha('9'))))
                .expectException(refusal("contract.final-account.before-acceptance", "entry.payload.contractId"));
    }

    @Test
    void cannotSettleTwice() {
        fixture.givenCommands(tx.contracted()).andGivenCommands(tx.accept("2026-03-25"), tx.settle(finalAccount(AWARDED, sha('9'))));
        fixture.when(tx.settle(finalAccount(AWARDED, sha('9'))))
                .expectException(refusal("contract.final-account.duplicate", "entry.payload.contractId"));
    }

    @Test
    void cannotSettleAboveTheContract() {
        fixture.givenCommands(tx.contracted()).andGivenCommands(tx.accept("2026-03-25"));
        fixture.when(tx.settle(finalAccount("98000.01", sha('9'))))
                .expectException(refusal("contract.final-account.above-contract", "entry.payload.finalAmount"));
    }

    @Test
    void cannotSettleBelowWhatWasPaid() {
        fixture.givenCommands(tx.contracted())
                .andGivenCommands(pay("p1", "2026-03-18", "50000.00"), tx.accept("2026-03-25"));
        fixture.when(tx.settle(finalAccount("49999.99", sha('9'))))
                .expectException(refusal("contract.final-account.below-paid", "entry.payload.finalAmount"));
    }

    @Test
    void cannotSettleWorksOf30000YuanWithoutTheAuditReport() {
        fixture.givenCommands(tx.contracted()).andGivenCommands(tx.accept("2026-03-25"));
        fixture.when(tx.settle(finalAccount(AWARDED, null)))
                .expectException(refusal("contract.audit-report.required", "entry.payload.auditReportSha256"));
    }

    @Test
    void settlesServicesWithoutAnAuditReport() {
        fixture.givenCommands(tx.services().contracted()).andGivenCommands(tx.accept("2026-03-25"));
        fixture.when(tx.settle(finalAccount(AWARDED, null))).expectSuccessfulHandlerExecution();
    }

    @Test
    void afterTheFinalAccountPaymentsStopAtItsAmount() {
        fixture.givenCommands(tx.contracted()).andGivenCommands(pay("p1", "2026-03-18", "50000.00"), tx.accept("2026-03-25"),
                tx.settle(finalAccount("97000.00", sha('9'))));
        fixture.when(pay("p2", "2026-03-30", "48000.00"))
                .expectException(refusal("contract.payment.above-contract", "entry.payload.lines"));
    }

    @Test
    void cannotDateAContractStepBeforeThePreviousOne() {
        fixture.givenCommands(tx.contracted()).andGivenCommands(tx.accept("2026-03-25"));
        fixture.when(tx.on("2026-03-24", tx.fx.auditor, "contract.final-account", finalAccount(AWARDED, sha('9'))))
                .expectException(refusal("tender.date.before-previous-step", "entry.businessDate"));
    }

    @Test
    void aSnapshotRestoresTheTendersAndContracts() {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        ObjectMapper mapper = new ObjectMapper();
        fixture.givenCommands(tx.contracted()).andGivenCommands(pay("p1", "2026-03-18", "50000.00"), tx.accept("2026-03-25"));
        fixture.when(tx.settle(finalAccount(AWARDED, sha('9')))).expectState(book -> {
            Book restored = serializer.deserialize(serializer.serialize(book, byte[].class));
            assertThat(mapper.valueToTree(restored).toString()).isEqualTo(mapper.valueToTree(book).toString());
            assertThat(contractState(restored).at("/payments/0/amount/fen").asLong()).isEqualTo(5_000_000L);
            assertThat(mapper.valueToTree(restored).at("/tenders/tenders/t-2026-001/stage").asText()).isEqualTo("CONTRACTED");
        });
    }

    /** The default contract as the book's state holds it, as JSON. */
    private static JsonNode contractState(Book book) {
        return new ObjectMapper().valueToTree(book).at("/tenders/contracts/" + CONTRACT);
    }
}
