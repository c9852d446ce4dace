package org.gongzhang.core.book;

import static org.gongzhang.core.book.BookFixtures.refusal;
import static org.gongzhang.core.book.TenderFixtures.AWARDED;
import static org.gongzhang.core.book.TenderFixtures.award;
import static org.gongzhang.core.book.TenderFixtures.awardNotice;
import static org.gongzhang.core.book.TenderFixtures.bid;
import static org.gongzhang.core.book.TenderFixtures.opening;
import static org.gongzhang.core.book.TenderFixtures.ranking;
import static org.gongzhang.core.book.TenderFixtures.sha;
import static org.gongzhang.core.book.TenderFixtures.tender;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.gongzhang.core.book.api.AppendEntryCommand;
import org.gongzhang.core.book.api.TenderAwardNoticedEvent;
import org.gongzhang.core.book.api.TenderAwardedEvent;
import org.gongzhang.core.book.api.TenderBidReceivedEvent;
import org.gongzhang.core.book.api.TenderEvaluatedEvent;
import org.gongzhang.core.book.api.TenderOpenedEvent;
import org.gongzhang.core.book.api.TenderPublishedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 业标镇管: publish → sealed bids → open → evaluate → award → award notice, each step's own rules. */
class BookTenderTest {

    private AggregateTestFixture<Book> fixture;
    private TenderFixtures tx;

    @BeforeEach
    void setUp() {
        fixture = BookFixtures.aggregate();
        tx = new TenderFixtures(BookFixtures.ed25519());
    }

    private void refusedToPublish(ObjectNode tender, String code, String field) {
        fixture.givenCommands(tx.book());
        fixture.when(tx.publish(tender)).expectException(refusal(code, field));
    }

    @Test
    void publishesATenderWithItsNoticePeriod() {
        fixture.givenCommands(tx.book());
        AppendEntryCommand published = tx.publish();
        fixture.when(published).expectEvents(new TenderPublishedEvent(published.entry()));
    }

    @Test
    void onlyTheTownPlatformPublishes() {
        fixture.givenCommands(tx.book());
        fixture.when(tx.on("2026-03-02", tx.chair, "tender.published", tender()))
                .expectException(refusal("entry.role.not-permitted", "entry.role"));
    }

    @Test
    void cannotPublishATenderIdTwice() {
        fixture.givenCommands(tx.book()).andGivenCommands(tx.publish());
        fixture.when(tx.publish()).expectException(refusal("tender.id.duplicate", "entry.payload.tenderId"));
    }

    @Test
    void cannotDateAStepAfterToday() {
        fixture.givenCommands(tx.book());
        fixture.when(tx.on("2026-04-03", tx.officer, "tender.published",
                tender().put("noticeFrom", "2026-04-03").put("noticeUntil", "2026-04-08").put("bidOpening", "2026-04-09")))
                .expectException(refusal("tender.date.in-future", "entry.businessDate"));
    }

    @Test
    void cannotPublishWithoutATitle() {
        refusedToPublish(tender().put("title", " "), "tender.title.blank", "entry.payload.title");
    }

    @Test
    void cannotPublishWithoutTenderDocuments() {
        ObjectNode tender = tender();
        tender.putArray("documents");
        refusedToPublish(tender, "tender.documents.empty", "entry.payload.documents");
    }

    @Test
    void citesTenderDocumentsBySha256() {
        ObjectNode tender = tender();
        tender.putArray("documents").addObject().put("sha256", "招标文件").put("name", "招标文件.pdf");
        refusedToPublish(tender, "document.sha256.invalid", "entry.payload.documents[0].sha256");
    }

    @Test
    void namesEachTenderDocument() {
        ObjectNode tender = tender();
        tender.putArray("documents").addObject().put("sha256", sha('a')).put("name", "");
        refusedToPublish(tender, "tender.document.name.blank", "entry.payload.documents[0].name");
    }

    @Test
    void cannotWriteWorksAsText() {
        refusedToPublish(tender().put("works", "是"), "entry.malformed", "entry.payload.works");
    }

    @Test
    void cannotStartTheNoticeBeforePublishing() {
        refusedToPublish(tender().put("noticeFrom", "2026-03-01"), "tender.notice.starts-before-entry",
                "entry.payload.noticeFrom");
    }

    @Test
    void cannotGiveANoticeOfFewerThanFiveDays() {
        refusedToPublish(tender().put("noticeUntil", "2026-03-06"), "tender.notice.too-short", "entry.payload.noticeUntil");
    }

    @Test
    void cannotOpenBidsBeforeTheNoticeEnds() {
        refusedToPublish(tender().put("bidOpening", "2026-03-07"), "tender.opening.not-after-notice",
                "entry.payload.bidOpening");
    }

    @Test
    void receivesASealedBidDuringTheNotice() {
        fixture.givenCommands(tx.book()).andGivenCommands(tx.publish());
        AppendEntryCommand bid = tx.receive(1);
        fixture.when(bid).expectEvents(new TenderBidReceivedEvent(bid.entry()));
    }

    @Test
    void cannotBidForAnUnknownTender() {
        fixture.givenCommands(tx.book());
        fixture.when(tx.receive(1)).expectException(refusal("tender.unknown", "entry.payload.tenderId"));
    }

    @Test
    void cannotDateAStepBeforeThePreviousOne() {
        fixture.givenCommands(tx.book()).andGivenCommands(tx.publish(), tx.receive(bid(1), "2026-03-04"));
        fixture.when(tx.receive(bid(2), "2026-03-03"))
                .expectException(refusal("tender.date.before-previous-step", "entry.businessDate"));
    }

    @Test
    void cannotReceiveABidAfterTheNotice() {
        fixture.givenCommands(tx.book()).andGivenCommands(tx.publish());
        fixture.when(tx.receive(bid(1), "2026-03-08")).expectException(refusal("tender.bid.outside-notice", "entry.businessDate"));
    }

    @Test
    void cannotReceiveABidIdTwice() {
        fixture.givenCommands(tx.book()).andGivenCommands(tx.publish(), tx.receive(1));
        fixture.when(tx.receive(bid(2).put("bidId", "b1"), "2026-03-05"))
                .expectException(refusal("tender.bid.duplicate", "entry.payload.bidId"));
    }

    @Test
    void aCompanyBidsOnce() {
        fixture.givenCommands(tx.book()).andGivenCommands(tx.publish(), tx.receive(1));
        ObjectNode again = bid(2);
        again.putObject("bidder").put("name", TenderFixtures.NAMES[0]).put("creditCode", TenderFixtures.BIDDERS[0]);
        fixture.when(tx.receive(again, "2026-03-05"))
                .expectException(refusal("tender.bidder.duplicate", "entry.payload.bidder.creditCode"));
    }

    @Test
    void cannotBidWithoutACompanyName() {
        fixture.givenCommands(tx.book()).andGivenCommands(tx.publish());
        ObjectNode bid = bid(1);
        bid.putObject("bidder").put("name", "").put("creditCode", TenderFixtures.BIDDERS[0]);
        fixture.when(tx.receive(bid, "2026-03-03")).expectException(refusal("tender.bidder.name.blank", "entry.payload.bidder.name"));
    }

    @Test
    void cannotBidWithACreditCodeWhoseCheckCharacterFails() {
        fixture.givenCommands(tx.book()).andGivenCommands(tx.publish());
        ObjectNode bid = bid(1);
        bid.putObject("bidder").put("name", TenderFixtures.NAMES[0]).put("creditCode", "91330106MA2B00001X");
        fixture.when(tx.receive(bid, "2026-03-03"))
                .expectException(refusal("credit-code.invalid", "entry.payload.bidder.creditCode"));
    }

    @Test
    void sealsABidBySha256() {
        fixture.givenCommands(tx.book()).andGivenCommands(tx.publish());
        fixture.when(tx.receive(bid(1).put("sealedSha256", "sealed"), "2026-03-03"))
                .expectException(refusal("document.sha256.invalid", "entry.payload.sealedSha256"));
    }

    @Test
    void cannotBidAfterTheOpening() {
        fixture.givenCommands(tx.bidsReceived()).andGivenCommands(tx.open(opening(3), "2026-03-09"));
        fixture.when(tx.receive(bid(1).put("bidId", "b4"), "2026-03-09"))
                .expectException(refusal("tender.step.out-of-order", "entry.payload.tenderId"));
    }

    @Test
    void opensEveryBidAsSealed() {
        fixture.givenCommands(tx.bidsReceived());
        AppendEntryCommand opened = tx.open(opening(3), "2026-03-09");
        fixture.when(opened).expectEvents(new TenderOpenedEvent(opened.entry()));
    }

    @Test
    void cannotOpenBeforeTheAnnouncedDay() {
        fixture.givenCommands(tx.bidsReceived());
        fixture.when(tx.open(opening(3), "2026-03-08")).expectException(refusal("tender.opening.early", "entry.businessDate"));
    }

    @Test
    void cannotOpenFewerThanThreeBids() {
        fixture.givenCommands(tx.book()).andGivenCommands(tx.publish(), tx.receive(1), tx.receive(2));
        fixture.when(tx.open(opening(2), "2026-03-09")).expectException(refusal("tender.too-few-bids", "entry.payload.tenderId"));
    }

    @Test
    void cannotLeaveABidSealed() {
        fixture.givenCommands(tx.bidsReceived());
        fixture.when(tx.open(opening(2), "2026-03-09")).expectException(refusal("tender.bid.missing", "entry.payload.bids"));
    }

    @Test
    void cannotRevealABidNeverReceived() {
        fixture.givenCommands(tx.bidsReceived());
        ObjectNode opening = opening(3);
        opening.withArray("bids").addObject().put("bidId", "b9").put("amount", "1.00").put("revealedSha256", sha('9'));
        fixture.when(tx.open(opening, "2026-03-09")).expectException(refusal("tender.bid.unknown", "entry.payload.bids[3].bidId"));
    }

    @Test
    void cannotRevealABidTwice() {
        fixture.givenCommands(tx.bidsReceived());
        ObjectNode opening = opening(3);
        opening.withArray("bids").add(opening.withArray("bids").get(0).deepCopy());
        fixture.when(tx.open(opening, "2026-03-09"))
                .expectException(refusal("tender.bid.listed-twice", "entry.payload.bids[3].bidId"));
    }

    @Test
    void cannotRevealAFileOtherThanTheSealedOne() {
        fixture.givenCommands(tx.bidsReceived());
        ObjectNode opening = opening(3);
        ((ObjectNode) opening.withArray("bids").get(1)).put("revealedSha256", sha('f'));
        fixture.when(tx.open(opening, "2026-03-09"))
                .expectException(refusal("tender.bid.seal-broken", "entry.payload.bids[1].revealedSha256"));
    }

    @Test
    void ranksTheOpenedBids() {
        fixture.givenCommands(tx.bidsReceived()).andGivenCommands(tx.open(opening(3), "2026-03-09"));
        AppendEntryCommand evaluated = tx.evaluate(ranking("b3", "b1", "b2"));
        fixture.when(evaluated).expectEvents(new TenderEvaluatedEvent(evaluated.entry()));
    }

    @Test
    void cannotEvaluateBeforeTheOpening() {
        fixture.givenCommands(tx.bidsReceived());
        fixture.when(tx.evaluate(ranking("b3", "b1", "b2")))
                .expectException(refusal("tender.step.out-of-order", "entry.payload.tenderId"));
    }

    @Test
    void cannotLeaveABidUnranked() {
        fixture.givenCommands(tx.bidsReceived()).andGivenCommands(tx.open(opening(3), "2026-03-09"));
        fixture.when(tx.evaluate(ranking("b3", "b1"))).expectException(refusal("tender.bid.missing", "entry.payload.ranking"));
    }

    @Test
    void citesTheEvaluationReportBySha256() {
        fixture.givenCommands(tx.bidsReceived()).andGivenCommands(tx.open(opening(3), "2026-03-09"));
        fixture.when(tx.evaluate(ranking("b3", "b1", "b2").put("reportSha256", "报告")))
                .expectException(refusal("document.sha256.invalid", "entry.payload.reportSha256"));
    }

    @Test
    void awardsTheBestRankedBidWithinTheBudget() {
        fixture.givenCommands(tx.evaluated());
        AppendEntryCommand awarded = tx.award(award("b1", AWARDED));
        fixture.when(awarded).expectEvents(new TenderAwardedEvent(awarded.entry()));
    }

    @Test
    void cannotAwardAnUnknownBid() {
        fixture.givenCommands(tx.evaluated());
        fixture.when(tx.award(award("b9", AWARDED))).expectException(refusal("tender.bid.unknown", "entry.payload.bidId"));
    }

    @Test
    void awardsTheAmountTheBidOpenedWith() {
        fixture.givenCommands(tx.evaluated());
        fixture.when(tx.award(award("b1", "97999.99")))
                .expectException(refusal("tender.award.amount-mismatch", "entry.payload.amount"));
    }

    @Test
    void cannotAwardAboveTheBudget() {
        fixture.givenCommands(tx.evaluated());
        fixture.when(tx.award(award("b3", "130000.00")))
                .expectException(refusal("tender.award.above-budget", "entry.payload.amount"));
    }

    @Test
    void cannotPassOverABetterRankedBidWithinTheBudget() {
        fixture.givenCommands(tx.evaluated());
        fixture.when(tx.award(award("b2", "95000.00")))
                .expectException(refusal("tender.award.not-best-ranked", "entry.payload.bidId"));
    }

    @Test
    void postsTheAwardForFiveDays() {
        fixture.givenCommands(tx.evaluated()).andGivenCommands(tx.award(award("b1", AWARDED)));
        AppendEntryCommand noticed = tx.noticeAward(awardNotice("2026-03-11", "2026-03-16"));
        fixture.when(noticed).expectEvents(new TenderAwardNoticedEvent(noticed.entry()));
    }

    @Test
    void cannotPostTheAwardForFewerThanFiveDays() {
        fixture.givenCommands(tx.evaluated()).andGivenCommands(tx.award(award("b1", AWARDED)));
        fixture.when(tx.noticeAward(awardNotice("2026-03-11", "2026-03-15")))
                .expectException(refusal("tender.notice.too-short", "entry.payload.noticeUntil"));
    }

    @Test
    void cannotPostAnAwardNotMade() {
        fixture.givenCommands(tx.evaluated());
        fixture.when(tx.noticeAward(awardNotice("2026-03-11", "2026-03-16")))
                .expectException(refusal("tender.step.out-of-order", "entry.payload.tenderId"));
    }
}
