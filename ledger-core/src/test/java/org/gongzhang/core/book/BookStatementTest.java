package org.gongzhang.core.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhang.core.book.BookFixtures.json;
import static org.gongzhang.core.book.BookFixtures.refusal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.gongzhang.core.book.api.AppendEntryCommand;
import org.gongzhang.core.book.api.StatementDraftedEvent;
import org.gongzhang.core.book.api.StatementPublishedEvent;
import org.gongzhang.core.book.api.StatementSignedEvent;
import org.gongzhang.core.book.api.StatementWithdrawnEvent;
import org.gongzhang.verifier.entry.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 公示表: drafted over closed periods on the log before it, signed off by the community, published, corrected. */
class BookStatementTest {

    private AggregateTestFixture<Book> fixture;
    private BookFixtures fx;

    @BeforeEach
    void setUp() {
        fixture = BookFixtures.aggregate();
        fx = BookFixtures.ed25519();
        fixture.givenCommands(fx.open()).andGivenCommands(fx.posted("v1", "2026-03-15"))
                .andGivenCommands(fx.close("2026-03"));
    }

    @Test
    void draftsAStatementOfClosedPeriodsOnTheLogBeforeItAsVersionOne() {
        AppendEntryCommand draft = fx.draft("s1", "2026-03", "2026-03");
        fixture.when(draft).expectEvents(new StatementDraftedEvent(draft.entry(), 1))
                .expectState(book -> assertThat(statement(book, "s1").path("status").asText()).isEqualTo("DRAFTED"));
    }

    @Test
    void signsOffAndPublishesAStatement() {
        fixture.andGivenCommands(fx.draft("s1", "2026-03", "2026-03"));
        AppendEntryCommand signOff = fx.signOff("s1");
        fixture.andGivenCommands(signOff);
        AppendEntryCommand publish = fx.publish("s1", "2026-04-02", "2026-04-16");
        fixture.when(publish).expectEvents(new StatementPublishedEvent(publish.entry(), null))
                .expectState(book -> {
                    JsonNode s1 = statement(book, "s1");
                    assertThat(s1.path("status").asText()).isEqualTo("PUBLISHED");
                    assertThat(s1.path("signedOn").asText()).isEqualTo("2026-04-02");
                    assertThat(s1.path("postingUntil").asText()).isEqualTo("2026-04-16");
                });
    }

    @Test
    void theCommunityAuditorSignsOff() {
        fixture.andGivenCommands(fx.draft("s1", "2026-03", "2026-03"));
        AppendEntryCommand signOff = fx.signOff("s1");
        fixture.when(signOff).expectEvents(new StatementSignedEvent(signOff.entry()));
    }

    @Test
    void aPublishedCorrectionIsVersionTwoAndSupersedesTheFirstWhichStays() {
        fixture.andGivenCommands(fx.publishedMarch("s1"));
        fixture.andGivenCommands(fx.reopen("2026-03", "补录3月银行手续费")).andGivenCommands(fx.posted("v2", "2026-03-31"))
                .andGivenCommands(fx.close("2026-03"));
        AppendEntryCommand correction = fx.correct("s2", "s1", "2026-03", "2026-03");
        fixture.andGivenCommands(correction).andGivenCommands(fx.signOff("s2"));
        AppendEntryCommand publish = fx.publish("s2", "2026-04-02", "2026-04-16");
        fixture.when(publish).expectEvents(new StatementPublishedEvent(publish.entry(), "s1"))
                .expectState(book -> {
                    assertThat(statement(book, "s2").path("version").asInt()).isEqualTo(2);
                    assertThat(statement(book, "s2").path("corrects").asText()).isEqualTo("s1");
                    assertThat(statement(book, "s1").path("status").asText()).isEqualTo("PUBLISHED");
                    assertThat(statement(book, "s1").path("supersededBy").asText()).isEqualTo("s2");
                });
    }

    @Test
    void aCorrectionIsDraftedAsTheNextVersion() {
        fixture.andGivenCommands(fx.publishedMarch("s1"));
        AppendEntryCommand correction = fx.correct("s2", "s1", "2026-03", "2026-03");
        fixture.when(correction).expectEvents(new StatementDraftedEvent(correction.entry(), 2));
    }

    @Test
    void aCorrectionOfTheCorrectionIsVersionThree() {
        fixture.andGivenCommands(fx.publishedMarch("s1")).andGivenCommands(fx.correct("s2", "s1", "2026-03", "2026-03"),
                fx.signOff("s2"), fx.publish("s2", "2026-04-02", "2026-04-16"));
        AppendEntryCommand third = fx.correct("s3", "s2", "2026-03", "2026-03");
        fixture.when(third).expectEvents(new StatementDraftedEvent(third.entry(), 3));
    }

    @Test
    void aDraftIsWithdrawnBeforeSignOff() {
        fixture.andGivenCommands(fx.draft("s1", "2026-03", "2026-03"));
        AppendEntryCommand withdraw = fx.withdraw("s1", "漏记银行手续费");
        fixture.when(withdraw).expectEvents(new StatementWithdrawnEvent(withdraw.entry()))
                .expectState(book -> assertThat(statement(book, "s1").path("status").asText()).isEqualTo("WITHDRAWN"));
    }

    @Test
    void theReviewerMayWithdrawADraft() {
        fixture.andGivenCommands(fx.draft("s1", "2026-03", "2026-03"));
        fixture.when(fx.append(fx.reviewer, "statement.withdrawn", json().put("statementId", "s1").put("reason", "重做")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotDraftTheSameStatementIdTwice() {
        fixture.andGivenCommands(fx.draft("s1", "2026-03", "2026-03"));
        fixture.when(fx.draft("s1", "2026-03", "2026-03"))
                .expectException(refusal("statement.id.duplicate", "entry.payload.statementId"));
    }

    @Test
    void cannotDraftAStatementThatEndsBeforeItStarts() {
        fixture.andGivenCommands(fx.close("2026-04"));
        fixture.when(fx.draft("s1", "2026-04", "2026-03"))
                .expectException(refusal("statement.periods.reversed", "entry.payload.to"))
                .expectExceptionMessage("statement.periods.reversed at entry.payload.to [2026-04, 2026-03]");
    }

    @Test
    void cannotDraftAStatementOfAPeriodStillOpen() {
        fixture.when(fx.draft("s1", "2026-03", "2026-04"))
                .expectException(refusal("statement.period.not-closed", "entry.payload.to"))
                .expectExceptionMessage("statement.period.not-closed at entry.payload.to [2026-04]");
    }

    @Test
    void cannotDraftAStatementOfAPeriodBeforeTheBookBegan() {
        fixture.when(fx.draft("s1", "2026-02", "2026-03"))
                .expectException(refusal("statement.period.not-closed", "entry.payload.from"));
    }

    @Test
    void cannotDraftAStatementOfAReopenedPeriod() {
        fixture.andGivenCommands(fx.reopen("2026-03", "补录"));
        fixture.when(fx.draft("s1", "2026-03", "2026-03"))
                .expectException(refusal("statement.period.not-closed", "entry.payload.to"));
    }

    @Test
    void theContentHashIsASha256() {
        fixture.when(fx.draft(fx.statementPayload("s1", "2026-03", "2026-03").put("contentHash", "ABC")))
                .expectException(refusal("hash.invalid", "entry.payload.contentHash"));
    }

    @Test
    void theStatementRestsOnExactlyTheLogBeforeItsDraft() {
        ObjectNode older = fx.statementPayload("s1", "2026-03", "2026-03");
        ((ObjectNode) older.get("checkpoint")).put("size", 3);
        fixture.when(fx.draft(older))
                .expectException(refusal("statement.checkpoint.size-mismatch", "entry.payload.checkpoint.size"))
                .expectExceptionMessage("statement.checkpoint.size-mismatch at entry.payload.checkpoint.size [5]");
    }

    @Test
    void theStatementNamesTheRootOfTheLogBeforeItsDraft() {
        ObjectNode other = fx.statementPayload("s1", "2026-03", "2026-03");
        ((ObjectNode) other.get("checkpoint")).put("root", "ab".repeat(32));
        fixture.when(fx.draft(other))
                .expectException(refusal("statement.checkpoint.root-mismatch", "entry.payload.checkpoint.root"));
    }

    @Test
    void onlyThePreparerDrafts() {
        fixture.when(fx.append(fx.reviewer, "statement.drafted", fx.statementPayload("s1", "2026-03", "2026-03")))
                .expectException(refusal("entry.role.not-permitted", "entry.role"));
    }

    @Test
    void aCorrectionNamesAStatementOfThisBook() {
        fixture.when(fx.correct("s2", "s9", "2026-03", "2026-03"))
                .expectException(refusal("statement.corrects.unknown", "entry.payload.corrects"));
    }

    @Test
    void aCorrectionNamesAPublishedStatement() {
        fixture.andGivenCommands(fx.draft("s1", "2026-03", "2026-03"), fx.signOff("s1"));
        fixture.when(fx.correct("s2", "s1", "2026-03", "2026-03"))
                .expectException(refusal("statement.corrects.unpublished", "entry.payload.corrects"));
    }

    @Test
    void aCorrectionNamesTheLatestPublishedVersion() {
        fixture.andGivenCommands(fx.publishedMarch("s1")).andGivenCommands(fx.correct("s2", "s1", "2026-03", "2026-03"),
                fx.signOff("s2"), fx.publish("s2", "2026-04-02", "2026-04-16"));
        fixture.when(fx.correct("s3", "s1", "2026-03", "2026-03"))
                .expectException(refusal("statement.corrects.superseded", "entry.payload.corrects"))
                .expectExceptionMessage("statement.corrects.superseded at entry.payload.corrects [s1, s2]");
    }

    @Test
    void onlyOneOfTwoCorrectionsOfTheSameVersionIsPublished() {
        fixture.andGivenCommands(fx.publishedMarch("s1"))
                .andGivenCommands(fx.correct("s2", "s1", "2026-03", "2026-03"), fx.signOff("s2"))
                .andGivenCommands(fx.correct("s3", "s1", "2026-03", "2026-03"), fx.signOff("s3"))
                .andGivenCommands(fx.publish("s2", "2026-04-02", "2026-04-16"));
        fixture.when(fx.publish("s3", "2026-04-02", "2026-04-16"))
                .expectException(refusal("statement.corrects.superseded", "entry.payload.statementId"));
    }

    @Test
    void aCorrectionCoversTheSamePeriods() {
        fixture.andGivenCommands(fx.publishedMarch("s1")).andGivenCommands(fx.close("2026-04"));
        fixture.when(fx.correct("s2", "s1", "2026-03", "2026-04"))
                .expectException(refusal("statement.corrects.other-periods", "entry.payload.corrects"))
                .expectExceptionMessage("statement.corrects.other-periods at entry.payload.corrects [2026-03, 2026-03]");
    }

    @Test
    void aCorrectionGivesAReason() {
        fixture.andGivenCommands(fx.publishedMarch("s1"));
        fixture.when(fx.draft(fx.statementPayload("s2", "2026-03", "2026-03").put("corrects", "s1").put("reason", " ")))
                .expectException(refusal("statement.corrects.reason.blank", "entry.payload.reason"));
    }

    @Test
    void cannotWithdrawAStatementAfterSignOff() {
        fixture.andGivenCommands(fx.draft("s1", "2026-03", "2026-03"), fx.signOff("s1"));
        fixture.when(fx.withdraw("s1", "重做"))
                .expectException(refusal("statement.already-signed", "entry.payload.statementId"));
    }

    @Test
    void cannotWithdrawAStatementTwice() {
        fixture.andGivenCommands(fx.draft("s1", "2026-03", "2026-03"), fx.withdraw("s1", "重做"));
        fixture.when(fx.withdraw("s1", "重做"))
                .expectException(refusal("statement.withdrawn", "entry.payload.statementId"));
    }

    @Test
    void cannotWithdrawWithoutAReason() {
        fixture.andGivenCommands(fx.draft("s1", "2026-03", "2026-03"));
        fixture.when(fx.withdraw("s1", ""))
                .expectException(refusal("statement.withdraw.reason.blank", "entry.payload.reason"));
    }

    @Test
    void cannotWithdrawAnUnknownStatement() {
        fixture.when(fx.withdraw("s9", "重做")).expectException(refusal("statement.unknown", "entry.payload.statementId"));
    }

    @Test
    void cannotSignOffAWithdrawnDraft() {
        fixture.andGivenCommands(fx.draft("s1", "2026-03", "2026-03"), fx.withdraw("s1", "重做"));
        fixture.when(fx.signOff("s1")).expectException(refusal("statement.withdrawn", "entry.payload.statementId"));
    }

    @Test
    void cannotSignOffTwice() {
        fixture.andGivenCommands(fx.draft("s1", "2026-03", "2026-03"), fx.signOff("s1"));
        fixture.when(fx.signOff("s1")).expectException(refusal("statement.already-signed", "entry.payload.statementId"));
    }

    @Test
    void theDrafterNeverSignsOffTheirOwnStatement() {
        BookFixtures.Signer drafterAsAuditor = new BookFixtures.Signer(fx.preparer.actor(), Role.COMMUNITY_AUDITOR,
                fx.suite, fx.suite.generateKeyPair(), "李娜");
        fixture.andGivenCommands(fx.register(drafterAsAuditor), fx.draft("s1", "2026-03", "2026-03"));
        fixture.when(fx.append(drafterAsAuditor, "statement.signed", fx.signOffPayload("s1")))
                .expectException(refusal("statement.sign.by-drafter", "entry.actor"));
    }

    @Test
    void theSignOffCitesTheDraftedContent() {
        fixture.andGivenCommands(fx.draft("s1", "2026-03", "2026-03"));
        fixture.when(fx.append(fx.auditor, "statement.signed", fx.signOffPayload("s1").put("contentHash", "cd".repeat(32))))
                .expectException(refusal("statement.sign.content-mismatch", "entry.payload.contentHash"));
    }

    @Test
    void theSignOffCitesTheDraftedCheckpoint() {
        fixture.andGivenCommands(fx.draft("s1", "2026-03", "2026-03"));
        ObjectNode later = fx.signOffPayload("s1");
        ((ObjectNode) later.get("checkpoint")).put("size", 6).put("root", fx.root());
        fixture.when(fx.append(fx.auditor, "statement.signed", later))
                .expectException(refusal("statement.sign.checkpoint-mismatch", "entry.payload.checkpoint"));
    }

    @Test
    void onlyTheCommunityAuditorSignsOff() {
        fixture.andGivenCommands(fx.draft("s1", "2026-03", "2026-03"));
        fixture.when(fx.append(fx.reviewer, "statement.signed", fx.signOffPayload("s1")))
                .expectException(refusal("entry.role.not-permitted", "entry.role"));
    }

    @Test
    void cannotPublishAStatementNotSignedOff() {
        fixture.andGivenCommands(fx.draft("s1", "2026-03", "2026-03"));
        fixture.when(fx.publish("s1", "2026-04-02", "2026-04-16"))
                .expectException(refusal("statement.publish.unsigned", "entry.payload.statementId"));
    }

    @Test
    void cannotPublishAWithdrawnStatement() {
        fixture.andGivenCommands(fx.draft("s1", "2026-03", "2026-03"), fx.withdraw("s1", "重做"));
        fixture.when(fx.publish("s1", "2026-04-02", "2026-04-16"))
                .expectException(refusal("statement.withdrawn", "entry.payload.statementId"));
    }

    @Test
    void cannotPublishTwice() {
        fixture.andGivenCommands(fx.publishedMarch("s1"));
        fixture.when(fx.publish("s1", "2026-04-03", "2026-04-17"))
                .expectException(refusal("statement.already-published", "entry.payload.statementId"));
    }

    @Test
    void cannotPublishAnUnknownStatement() {
        fixture.when(fx.publish("s9", "2026-04-02", "2026-04-16"))
                .expectException(refusal("statement.unknown", "entry.payload.statementId"));
    }

    @Test
    void thePostingPeriodStartsNoEarlierThanTheSignOff() {
        fixture.andGivenCommands(fx.draft("s1", "2026-03", "2026-03"), fx.signOff("s1"));
        fixture.when(fx.publish("s1", "2026-04-01", "2026-04-16"))
                .expectException(refusal("statement.posting.before-sign-off", "entry.payload.postingFrom"))
                .expectExceptionMessage("statement.posting.before-sign-off at entry.payload.postingFrom [2026-04-01, 2026-04-02]");
    }

    @Test
    void thePostingPeriodLastsAtLeastADay() {
        fixture.andGivenCommands(fx.draft("s1", "2026-03", "2026-03"), fx.signOff("s1"));
        fixture.when(fx.publish("s1", "2026-04-05", "2026-04-05"))
                .expectException(refusal("statement.posting.too-short", "entry.payload.postingUntil"));
    }

    @Test
    void theReviewerMayPublishButNotThePreparer() {
        fixture.andGivenCommands(fx.draft("s1", "2026-03", "2026-03"), fx.signOff("s1"));
        ObjectNode publication = json().put("statementId", "s1").put("postingFrom", "2026-04-02")
                .put("postingUntil", "2026-04-16");
        fixture.when(fx.append(fx.preparer, "statement.published", publication))
                .expectException(refusal("entry.role.not-permitted", "entry.role"));
    }

    @Test
    void theReviewerPublishes() {
        fixture.andGivenCommands(fx.draft("s1", "2026-03", "2026-03"), fx.signOff("s1"));
        fixture.when(fx.append(fx.reviewer, "statement.published", json().put("statementId", "s1")
                .put("postingFrom", "2026-04-02").put("postingUntil", "2026-04-16"))).expectSuccessfulHandlerExecution();
    }

    @Test
    void aStatementEntryMayNotSpeakForADayStillToCome() {
        fixture.andGivenCommands(fx.draft("s1", "2026-03", "2026-03"));
        fixture.when(fx.append(fx.entry(fx.auditor, "statement.signed", fx.signOffPayload("s1"),
                        e -> e.put("businessDate", "2026-04-03"))))
                .expectException(refusal("entry.business-date.in-future", "entry.businessDate"))
                .expectExceptionMessage("entry.business-date.in-future at entry.businessDate [2026-04-03, 2026-04-02]");
    }

    @Test
    void aStatementIdIsAnId() {
        fixture.when(fx.draft(fx.statementPayload("s 1", "2026-03", "2026-03")))
                .expectException(refusal("statement.id.invalid", "entry.payload.statementId"));
    }

    private static JsonNode statement(Book book, String statementId) {
        return new ObjectMapper().valueToTree(book).path("statements").path("byId").path(statementId);
    }
}
