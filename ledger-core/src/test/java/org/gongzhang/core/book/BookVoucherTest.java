package org.gongzhang.core.book;

import static org.gongzhang.core.book.BookFixtures.credit;
import static org.gongzhang.core.book.BookFixtures.debit;
import static org.gongzhang.core.book.BookFixtures.parkingFee;
import static org.gongzhang.core.book.BookFixtures.refusal;
import static org.gongzhang.core.book.BookFixtures.voucher;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.gongzhang.core.book.api.AppendEntryCommand;
import org.gongzhang.core.book.api.VoucherPostedEvent;
import org.gongzhang.core.book.api.VoucherRecordedEvent;
import org.gongzhang.core.book.api.VoucherReviewedEvent;
import org.gongzhang.core.book.api.VoucherVoidedEvent;
import org.gongzhang.verifier.entry.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 录入 → 审核 → 记账, 作废: a voucher's own rules and its workflow. */
class BookVoucherTest {

    private AggregateTestFixture<Book> fixture;
    private BookFixtures fx;

    @BeforeEach
    void setUp() {
        fixture = BookFixtures.aggregate();
        fx = BookFixtures.ed25519();
    }

    private void refused(ObjectNode voucher, String code, String field) {
        fixture.givenCommands(fx.open());
        fixture.when(fx.record(voucher)).expectException(refusal(code, field));
    }

    @Test
    void recordsABalancedVoucher() {
        fixture.givenCommands(fx.open());
        AppendEntryCommand record = fx.record("v1", "2026-03-15");
        fixture.when(record).expectEvents(new VoucherRecordedEvent(record.entry()));
    }

    @Test
    void cannotRecordAnUnbalancedVoucher() {
        refused(voucher("v1", "2026-03-15", debit("100201", "100.00"), credit("470101", "99.99")),
                "voucher.unbalanced", "entry.payload.lines");
    }

    @Test
    void cannotRecordALineWithBothSides() {
        refused(voucher("v1", "2026-03-15", debit("100201", "100.00").put("credit", "100.00"), credit("470101", "100.00")),
                "voucher.line.both-sides", "entry.payload.lines[0]");
    }

    @Test
    void cannotRecordALineWithNeitherSide() {
        ObjectNode noSide = BookFixtures.json().put("summary", "收停车费").put("account", "470101");
        refused(voucher("v1", "2026-03-15", debit("100201", "100.00"), noSide),
                "voucher.line.no-side", "entry.payload.lines[1]");
    }

    @Test
    void cannotRecordASingleLine() {
        refused(voucher("v1", "2026-03-15", debit("100201", "100.00")), "voucher.lines.too-few", "entry.payload.lines");
    }

    @Test
    void cannotPostToANonLeafAccount() {
        refused(voucher("v1", "2026-03-15", debit("1002", "100.00"), credit("470101", "100.00")),
                "voucher.line.account.not-leaf", "entry.payload.lines[0].account");
    }

    @Test
    void cannotPostToAnUnknownAccount() {
        refused(voucher("v1", "2026-03-15", debit("100299", "100.00"), credit("470101", "100.00")),
                "voucher.line.account.unknown", "entry.payload.lines[0].account");
    }

    @Test
    void cannotPostToADisabledAccount() {
        fixture.givenCommands(fx.open(), fx.disableAccount("470102"));
        fixture.when(fx.record(voucher("v1", "2026-03-15", debit("100201", "1.00"), credit("470102", "1.00"))))
                .expectException(refusal("voucher.line.account.disabled", "entry.payload.lines[1].account"));
    }

    @Test
    void cannotRecordAZeroAmount() {
        refused(voucher("v1", "2026-03-15", debit("100201", "0.00"), credit("470101", "0.00")),
                "amount.not-positive", "entry.payload.lines[0].debit");
    }

    @Test
    void cannotRecordANegativeAmount() {
        refused(voucher("v1", "2026-03-15", debit("100201", "1.00"), credit("470101", "-1.00")),
                "amount.not-positive", "entry.payload.lines[1].credit");
    }

    @Test
    void cannotRecordThreeDecimals() {
        refused(voucher("v1", "2026-03-15", debit("100201", "1.005"), credit("470101", "1.005")),
                "amount.too-many-decimals", "entry.payload.lines[0].debit");
    }

    @Test
    void cannotRecordBeyondTheLargestAmount() {
        refused(voucher("v1", "2026-03-15", debit("100201", "1000000000000.00"), credit("470101", "1000000000000.00")),
                "amount.too-large", "entry.payload.lines[0].debit");
    }

    @Test
    void cannotRecordAnAmountAsANumber() {
        ObjectNode line = debit("100201", "1.00");
        line.put("debit", 1);
        refused(voucher("v1", "2026-03-15", line, credit("470101", "1.00")), "entry.malformed", "entry.payload.lines[0].debit");
    }

    @Test
    void cannotRecordAnUnknownVoucherWord() {
        refused(parkingFee("v1", "2026-03-15").put("word", "现"), "voucher.word.invalid", "entry.payload.word");
    }

    @Test
    void recordsEachOfTheFourVoucherWords() {
        fixture.givenCommands(fx.open(), fx.record(parkingFee("v1", "2026-03-15").put("word", "收")),
                fx.record(parkingFee("v2", "2026-03-15").put("word", "付")));
        fixture.when(fx.record(parkingFee("v3", "2026-03-15").put("word", "转"))).expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotRecordADateAfterToday() {
        refused(parkingFee("v1", "2026-04-03"), "voucher.date.in-future", "entry.payload.date");
    }

    @Test
    void judgesTodayInBeijingTime() {
        fixture.givenCommands(fx.open());
        fixture.when(fx.record("v1", "2026-04-02")).expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotRecordBeforeTheBooksFirstPeriod() {
        refused(parkingFee("v1", "2026-02-28"), "voucher.period.before-start", "entry.payload.date");
    }

    @Test
    void cannotRecordIntoAClosedPeriod() {
        fixture.givenCommands(fx.open(), fx.close("2026-03"));
        fixture.when(fx.record("v1", "2026-03-31")).expectException(refusal("voucher.period.closed", "entry.payload.date"));
    }

    @Test
    void cannotCiteFewerAttachmentsThanFiles() {
        ObjectNode v = parkingFee("v1", "2026-03-15");
        ObjectNode attachments = v.putObject("attachments").put("count", 0);
        attachments.putArray("files").addObject().put("sha256", "a".repeat(64)).put("name", "发票.pdf");
        refused(v, "voucher.attachments.count-below-files", "entry.payload.attachments.count");
    }

    @Test
    void recordsAttachmentsCitedBySha256() {
        ObjectNode v = parkingFee("v1", "2026-03-15");
        ObjectNode attachments = v.putObject("attachments").put("count", 2);
        attachments.putArray("files").addObject().put("sha256", "a".repeat(64)).put("name", "发票.pdf");
        fixture.givenCommands(fx.open());
        fixture.when(fx.record(v)).expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotCiteAFileByAnythingButItsSha256() {
        ObjectNode v = parkingFee("v1", "2026-03-15");
        ObjectNode attachments = v.putObject("attachments").put("count", 1);
        attachments.putArray("files").addObject().put("sha256", "A".repeat(64)).put("name", "发票.pdf");
        refused(v, "voucher.attachments.sha256.invalid", "entry.payload.attachments.files[0].sha256");
    }

    @Test
    void cannotReuseAVoucherId() {
        fixture.givenCommands(fx.open(), fx.record("v1", "2026-03-15"));
        fixture.when(fx.record("v1", "2026-03-16")).expectException(refusal("voucher.id.duplicate", "entry.payload.voucherId"));
    }

    @Test
    void cannotRecordABlankSummary() {
        refused(voucher("v1", "2026-03-15", debit("100201", "1.00").put("summary", " "), credit("470101", "1.00")),
                "voucher.line.summary.blank", "entry.payload.lines[0].summary");
    }

    @Test
    void cannotRecordASummaryLongerThan200Characters() {
        refused(voucher("v1", "2026-03-15", debit("100201", "1.00"), credit("470101", "1.00").put("summary", "停".repeat(201))),
                "voucher.line.summary.too-long", "entry.payload.lines[1].summary");
    }

    @Test
    void cannotCorrectAnUnknownVoucher() {
        refused(parkingFee("v2", "2026-03-15").put("corrects", "v1"), "voucher.corrects.unknown", "entry.payload.corrects");
    }

    @Test
    void reviewsAVoucherBySomeoneElse() {
        fixture.givenCommands(fx.open(), fx.record("v1", "2026-03-15"));
        AppendEntryCommand review = fx.review("v1");
        fixture.when(review).expectEvents(new VoucherReviewedEvent(review.entry()));
    }

    @Test
    void theCommunityAuditorMayReviewToo() {
        fixture.givenCommands(fx.open(), fx.record("v1", "2026-03-15"));
        fixture.when(fx.append(fx.auditor, "voucher.reviewed", BookFixtures.json().put("voucherId", "v1")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotBeReviewedByItsPreparer() {
        BookFixtures.Signer liNaAsReviewer = fx.signer(fx.preparer.actor(), Role.AGENT_REVIEWER, "李娜");
        fixture.givenCommands(fx.open(), fx.register(liNaAsReviewer), fx.record("v1", "2026-03-15"));
        fixture.when(fx.append(liNaAsReviewer, "voucher.reviewed", BookFixtures.json().put("voucherId", "v1")))
                .expectException(refusal("voucher.review.by-preparer", "entry.actor"));
    }

    @Test
    void cannotReviewAnUnknownVoucher() {
        fixture.givenCommands(fx.open());
        fixture.when(fx.review("v9")).expectException(refusal("voucher.unknown", "entry.payload.voucherId"));
    }

    @Test
    void cannotReviewTwice() {
        fixture.givenCommands(fx.open(), fx.record("v1", "2026-03-15"), fx.review("v1"));
        fixture.when(fx.review("v1")).expectException(refusal("voucher.review.not-recorded", "entry.payload.voucherId"));
    }

    @Test
    void postingGivesTheNextGapFreeNumberPerWordAndPeriod() {
        fixture.givenCommands(fx.open());
        fixture.andGivenCommands(fx.posted("v1", "2026-03-10"));
        fixture.andGivenCommands(fx.posted("v2", "2026-04-01"));
        fixture.andGivenCommands(fx.record(parkingFee("v3", "2026-03-11").put("word", "收")), fx.review("v3"), fx.post("v3"));
        fixture.andGivenCommands(fx.record("v4", "2026-03-12"), fx.review("v4"));
        AppendEntryCommand post = fx.post("v4");
        fixture.when(post).expectEvents(new VoucherPostedEvent(post.entry(), "记", "2026-03", 2));
    }

    @Test
    void cannotPostAnUnreviewedVoucher() {
        fixture.givenCommands(fx.open(), fx.record("v1", "2026-03-15"));
        fixture.when(fx.post("v1")).expectException(refusal("voucher.post.unreviewed", "entry.payload.voucherId"));
    }

    @Test
    void cannotPostAPostedVoucherAgain() {
        fixture.givenCommands(fx.open()).andGivenCommands(fx.posted("v1", "2026-03-15"));
        fixture.when(fx.post("v1")).expectException(refusal("voucher.posted.immutable", "entry.payload.voucherId"));
    }

    @Test
    void cannotReviewAPostedVoucher() {
        fixture.givenCommands(fx.open()).andGivenCommands(fx.posted("v1", "2026-03-15"));
        fixture.when(fx.review("v1")).expectException(refusal("voucher.posted.immutable", "entry.payload.voucherId"));
    }

    @Test
    void voidsAnUnpostedVoucherWithAReason() {
        fixture.givenCommands(fx.open(), fx.record("v1", "2026-03-15"), fx.review("v1"));
        AppendEntryCommand voided = fx.voidVoucher("v1", "重复录入");
        fixture.when(voided).expectEvents(new VoucherVoidedEvent(voided.entry()));
    }

    @Test
    void cannotVoidAPostedVoucher() {
        fixture.givenCommands(fx.open()).andGivenCommands(fx.posted("v1", "2026-03-15"));
        fixture.when(fx.voidVoucher("v1", "重复录入")).expectException(refusal("voucher.posted.immutable", "entry.payload.voucherId"));
    }

    @Test
    void cannotVoidWithoutAReason() {
        fixture.givenCommands(fx.open(), fx.record("v1", "2026-03-15"));
        fixture.when(fx.voidVoucher("v1", "  ")).expectException(refusal("voucher.void.reason.blank", "entry.payload.reason"));
    }

    @Test
    void cannotPostAVoidedVoucher() {
        fixture.givenCommands(fx.open(), fx.record("v1", "2026-03-15"), fx.voidVoucher("v1", "重复录入"));
        fixture.when(fx.post("v1")).expectException(refusal("voucher.voided", "entry.payload.voucherId"));
    }
}
