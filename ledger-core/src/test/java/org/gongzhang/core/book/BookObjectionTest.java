package org.gongzhang.core.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhang.core.book.BookFixtures.json;
import static org.gongzhang.core.book.BookFixtures.refusal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.gongzhang.core.book.api.AppendEntryCommand;
import org.gongzhang.core.book.api.ObjectionAcceptedEvent;
import org.gongzhang.core.book.api.ObjectionAnsweredEvent;
import org.gongzhang.core.book.api.ObjectionEscalatedEvent;
import org.gongzhang.core.book.api.ObjectionRaisedEvent;
import org.gongzhang.core.book.api.ObjectionReviewedEvent;
import org.gongzhang.verifier.entry.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 异议: an owner objects to the statement of March 2026, published 2026-04-02 … 2026-04-16, and is
 * owed an answer by 2026-04-07; 已提交 → 已受理 → 已答复 → 已复核, or 已升级 once that day has passed.
 */
class BookObjectionTest {

    private AggregateTestFixture<Book> fixture;
    private BookFixtures fx;

    @BeforeEach
    void setUp() {
        fx = BookFixtures.ed25519();
        fixture = fx.aggregateOnMovingClock();
        fixture.givenCommands(fx.open()).andGivenCommands(fx.registerDisclosureKeys())
                .andGivenCommands(fx.posted("v1", "2026-03-15")).andGivenCommands(fx.close("2026-03"))
                .andGivenCommands(fx.publishedMarch("s1"));
    }

    @Test
    void anOwnerRaisesAnObjectionDuringThePostingPeriod() {
        AppendEntryCommand raise = fx.raise("o1", "s1", "2026-04-07");
        fixture.when(raise).expectEvents(new ObjectionRaisedEvent(raise.entry()))
                .expectState(book -> {
                    JsonNode o1 = objection(book, "o1");
                    assertThat(o1.path("status").asText()).isEqualTo("SUBMITTED");
                    assertThat(o1.path("answerBy").asText()).isEqualTo("2026-04-07");
                    assertThat(o1.toString()).doesNotContain(fx.owner.actor());
                });
    }

    @Test
    void anObjectionIsAcceptedAnsweredAndReviewed() {
        fixture.andGivenCommands(fx.raise("o1", "s1", "2026-04-07"));
        AppendEntryCommand accept = fx.accept("o1");
        fixture.andGivenCommands(accept);
        AppendEntryCommand answer = fx.answer("o1", "3月停车费少收系道闸故障停收五天，见附件维修单。");
        fixture.andGivenCommands(answer);
        AppendEntryCommand review = fx.reviewObjection("o1", "DISMISSED");
        fixture.when(review).expectEvents(new ObjectionReviewedEvent(review.entry()))
                .expectState(book -> assertThat(objection(book, "o1").path("status").asText()).isEqualTo("REVIEWED"));
    }

    @Test
    void theCommitteeAccepts() {
        fixture.andGivenCommands(fx.raise("o1", "s1", "2026-04-07"));
        AppendEntryCommand accept = fx.accept("o1");
        fixture.when(accept).expectEvents(new ObjectionAcceptedEvent(accept.entry()));
    }

    @Test
    void aSubmittedObjectionIsAnsweredWithoutBeingAcceptedFirst() {
        fixture.andGivenCommands(fx.raise("o1", "s1", "2026-04-07"));
        AppendEntryCommand answer = fx.append(fx.preparer, "objection.answered",
                json().put("objectionId", "o1").put("answer", "已核实，见3月银行流水。"));
        fixture.when(answer).expectEvents(new ObjectionAnsweredEvent(answer.entry()));
    }

    @Test
    void anOwnerObjectsOnTheLastDayOfPosting() {
        fx.dayIs("2026-04-16");
        fixture.when(fx.raise("o1", "s1", "2026-04-21")).expectSuccessfulHandlerExecution();
    }

    @Test
    void noObjectionAfterThePostingPeriod() {
        fx.dayIs("2026-04-17");
        fixture.when(fx.raise("o1", "s1", "2026-04-22"))
                .expectException(refusal("objection.outside-posting-period", "entry.businessDate"))
                .expectExceptionMessage("objection.outside-posting-period at entry.businessDate [2026-04-17, 2026-04-02, 2026-04-16]");
    }

    @Test
    void noObjectionBeforeThePostingPeriod() {
        fixture.andGivenCommands(fx.draft("s2", "2026-03", "2026-03"), fx.signOff("s2"), fx.publish("s2", "2026-04-05", "2026-04-19"));
        fixture.when(fx.raise("o1", "s2", "2026-04-07"))
                .expectException(refusal("objection.outside-posting-period", "entry.businessDate"));
    }

    @Test
    void noObjectionToAStatementNotPublished() {
        fixture.andGivenCommands(fx.draft("s2", "2026-03", "2026-03"), fx.signOff("s2"));
        fixture.when(fx.raise("o1", "s2", "2026-04-07"))
                .expectException(refusal("objection.statement.unpublished", "entry.payload.statementId"));
    }

    @Test
    void noObjectionToAnUnknownStatement() {
        fixture.when(fx.raise("o1", "s9", "2026-04-07"))
                .expectException(refusal("statement.unknown", "entry.payload.statementId"));
    }

    @Test
    void theAnswerIsDueAfterTheDayTheObjectionIsRaised() {
        fixture.when(fx.raise("o1", "s1", "2026-04-02"))
                .expectException(refusal("objection.answer-by.too-early", "entry.payload.answerBy"))
                .expectExceptionMessage("objection.answer-by.too-early at entry.payload.answerBy [2026-04-02, 2026-04-02]");
    }

    @Test
    void cannotRaiseTheSameObjectionTwice() {
        fixture.andGivenCommands(fx.raise("o1", "s1", "2026-04-07"));
        fixture.when(fx.raise("o1", "s1", "2026-04-07"))
                .expectException(refusal("objection.id.duplicate", "entry.payload.objectionId"));
    }

    @Test
    void whoObjectsIsACommitmentNotAName() {
        fixture.when(fx.append(fx.owner, "objection.raised",
                        fx.objectionPayload("o1", "s1", "2026-04-07").put("owner", "张三 3号楼1单元502")))
                .expectException(refusal("hash.invalid", "entry.payload.owner"));
    }

    @Test
    void whatTheyObjectIsACommitmentNotText() {
        fixture.when(fx.append(fx.owner, "objection.raised",
                        fx.objectionPayload("o1", "s1", "2026-04-07").put("text", "停车费为何少了？")))
                .expectException(refusal("hash.invalid", "entry.payload.text"));
    }

    @Test
    void onlyAnOwnerRaisesAnObjection() {
        fixture.when(fx.append(fx.chair, "objection.raised", fx.objectionPayload("o1", "s1", "2026-04-07")))
                .expectException(refusal("entry.role.not-permitted", "entry.role"));
    }

    @Test
    void anObjectionCannotSpeakForADayStillToCome() {
        fixture.when(fx.append(fx.entry(fx.owner, "objection.raised", fx.objectionPayload("o1", "s1", "2026-04-09"),
                        e -> e.put("businessDate", "2026-04-05"))))
                .expectException(refusal("entry.business-date.in-future", "entry.businessDate"));
    }

    @Test
    void onlyASubmittedObjectionIsAccepted() {
        fixture.andGivenCommands(fx.raise("o1", "s1", "2026-04-07"), fx.accept("o1"));
        fixture.when(fx.accept("o1"))
                .expectException(refusal("objection.accept.not-submitted", "entry.payload.objectionId"));
    }

    @Test
    void cannotAcceptAnUnknownObjection() {
        fixture.when(fx.accept("o9")).expectException(refusal("objection.unknown", "entry.payload.objectionId"));
    }

    @Test
    void theOwnerCannotAcceptTheirOwnObjection() {
        fixture.andGivenCommands(fx.raise("o1", "s1", "2026-04-07"));
        fixture.when(fx.append(fx.owner, "objection.accepted", json().put("objectionId", "o1")))
                .expectException(refusal("entry.role.not-permitted", "entry.role"));
    }

    @Test
    void anAnsweredObjectionIsNotAnsweredAgain() {
        fixture.andGivenCommands(fx.raise("o1", "s1", "2026-04-07"), fx.answer("o1", "已核实。"));
        fixture.when(fx.answer("o1", "补充说明。"))
                .expectException(refusal("objection.answer.not-open", "entry.payload.objectionId"));
    }

    @Test
    void theAnswerSaysSomething() {
        fixture.andGivenCommands(fx.raise("o1", "s1", "2026-04-07"));
        fixture.when(fx.answer("o1", "  ")).expectException(refusal("objection.answer.blank", "entry.payload.answer"));
    }

    @Test
    void theAnswerHasAtMostTwoThousandCharacters() {
        fixture.andGivenCommands(fx.raise("o1", "s1", "2026-04-07"));
        fixture.when(fx.answer("o1", "答".repeat(2001)))
                .expectException(refusal("objection.answer.too-long", "entry.payload.answer"))
                .expectExceptionMessage("objection.answer.too-long at entry.payload.answer [2000]");
    }

    @Test
    void anAnswerOfTwoThousandCharactersIsAccepted() {
        fixture.andGivenCommands(fx.raise("o1", "s1", "2026-04-07"));
        fixture.when(fx.answer("o1", "答".repeat(2000))).expectSuccessfulHandlerExecution();
    }

    @Test
    void onlyAnAnsweredOrEscalatedObjectionIsReviewed() {
        fixture.andGivenCommands(fx.raise("o1", "s1", "2026-04-07"), fx.accept("o1"));
        fixture.when(fx.reviewObjection("o1", "UPHELD"))
                .expectException(refusal("objection.review.not-answered", "entry.payload.objectionId"));
    }

    @Test
    void aReviewedObjectionIsNotReviewedAgain() {
        fixture.andGivenCommands(fx.raise("o1", "s1", "2026-04-07"), fx.answer("o1", "已核实。"),
                fx.reviewObjection("o1", "UPHELD"));
        fixture.when(fx.reviewObjection("o1", "DISMISSED"))
                .expectException(refusal("objection.review.not-answered", "entry.payload.objectionId"));
    }

    @Test
    void theReviewSaysWhetherTheObjectionStands() {
        fixture.andGivenCommands(fx.raise("o1", "s1", "2026-04-07"), fx.answer("o1", "已核实。"));
        fixture.when(fx.reviewObjection("o1", "PARTLY"))
                .expectException(refusal("objection.outcome.unknown", "entry.payload.outcome"));
    }

    @Test
    void theReviewHasANote() {
        fixture.andGivenCommands(fx.raise("o1", "s1", "2026-04-07"), fx.answer("o1", "已核实。"));
        fixture.when(fx.append(fx.auditor, "objection.reviewed",
                        json().put("objectionId", "o1").put("outcome", "UPHELD").put("note", "")))
                .expectException(refusal("objection.review.note.blank", "entry.payload.note"));
    }

    @Test
    void onlyTheCommunityAuditorReviews() {
        fixture.andGivenCommands(fx.raise("o1", "s1", "2026-04-07"), fx.answer("o1", "已核实。"));
        fixture.when(fx.append(fx.chair, "objection.reviewed",
                        json().put("objectionId", "o1").put("outcome", "UPHELD").put("note", "属实")))
                .expectException(refusal("entry.role.not-permitted", "entry.role"));
    }

    @Test
    void theServiceEscalatesAnObjectionUnansweredAfterItsAnswerDate() {
        fixture.andGivenCommands(fx.raise("o1", "s1", "2026-04-07"), fx.accept("o1"));
        fx.dayIs("2026-04-08");
        AppendEntryCommand escalate = fx.escalate(fx.clerk, "o1", "DEADLINE");
        fixture.when(escalate).expectEvents(new ObjectionEscalatedEvent(escalate.entry()))
                .expectState(book -> assertThat(objection(book, "o1").path("status").asText()).isEqualTo("ESCALATED"));
    }

    @Test
    void anEscalatedObjectionIsReviewedByTheCommunity() {
        fixture.andGivenCommands(fx.raise("o1", "s1", "2026-04-07"));
        fx.dayIs("2026-04-08");
        fixture.andGivenCommands(fx.escalate(fx.clerk, "o1", "DEADLINE"));
        fixture.when(fx.reviewObjection("o1", "UPHELD")).expectSuccessfulHandlerExecution();
    }

    @Test
    void noEscalationOnTheAnswerDateItself() {
        fixture.andGivenCommands(fx.raise("o1", "s1", "2026-04-07"));
        fx.dayIs("2026-04-07");
        fixture.when(fx.escalate(fx.clerk, "o1", "DEADLINE"))
                .expectException(refusal("objection.escalate.before-deadline", "entry.businessDate"))
                .expectExceptionMessage("objection.escalate.before-deadline at entry.businessDate [2026-04-07, 2026-04-07]");
    }

    @Test
    void noEscalationDatedAheadOfTheClock() {
        fixture.andGivenCommands(fx.raise("o1", "s1", "2026-04-07"));
        fx.dayIs("2026-04-05");
        fixture.when(fx.append(fx.entry(fx.clerk, "objection.escalated",
                        json().put("objectionId", "o1").put("reason", "DEADLINE"), e -> e.put("businessDate", "2026-04-08"))))
                .expectException(refusal("entry.business-date.in-future", "entry.businessDate"));
    }

    @Test
    void anAnsweredObjectionIsNotEscalated() {
        fixture.andGivenCommands(fx.raise("o1", "s1", "2026-04-07"), fx.answer("o1", "已核实。"));
        fx.dayIs("2026-04-08");
        fixture.when(fx.escalate(fx.clerk, "o1", "DEADLINE"))
                .expectException(refusal("objection.escalate.not-open", "entry.payload.objectionId"));
    }

    @Test
    void anEscalatedObjectionIsNoLongerAnswered() {
        fixture.andGivenCommands(fx.raise("o1", "s1", "2026-04-07"));
        fx.dayIs("2026-04-08");
        fixture.andGivenCommands(fx.escalate(fx.clerk, "o1", "DEADLINE"));
        fixture.when(fx.answer("o1", "迟到的答复。"))
                .expectException(refusal("objection.answer.not-open", "entry.payload.objectionId"));
    }

    @Test
    void theCommunityAuditorEscalatesInTheirOwnWords() {
        fixture.andGivenCommands(fx.raise("o1", "s1", "2026-04-07"));
        fx.dayIs("2026-04-10");
        fixture.when(fx.escalate(fx.auditor, "o1", "物业未按期答复，提交街道")).expectSuccessfulHandlerExecution();
    }

    @Test
    void theServiceEscalatesOnlyForTheMissedAnswerDate() {
        fixture.andGivenCommands(fx.raise("o1", "s1", "2026-04-07"));
        fx.dayIs("2026-04-10");
        fixture.when(fx.escalate(fx.clerk, "o1", "业主多次来电"))
                .expectException(refusal("objection.escalate.service-reason", "entry.payload.reason"))
                .expectExceptionMessage("objection.escalate.service-reason at entry.payload.reason [DEADLINE]");
    }

    @Test
    void anEscalationGivesAReason() {
        fixture.andGivenCommands(fx.raise("o1", "s1", "2026-04-07"));
        fx.dayIs("2026-04-10");
        fixture.when(fx.escalate(fx.auditor, "o1", " "))
                .expectException(refusal("objection.escalate.reason.blank", "entry.payload.reason"));
    }

    @Test
    void theServiceClerkKeySignsNothingButEscalations() {
        fixture.andGivenCommands(fx.raise("o1", "s1", "2026-04-07"));
        fixture.when(fx.append(fx.clerk, "objection.accepted", json().put("objectionId", "o1")))
                .expectException(refusal("entry.role.not-permitted", "entry.role"));
    }

    @Test
    void aPropertyCompanyKeyIsRegisteredLikeAnyOther() {
        BookFixtures.Signer company = fx.signer("company:lvcheng-wuye", Role.PROPERTY_COMPANY, "绿城物业");
        fixture.when(fx.register(company)).expectSuccessfulHandlerExecution();
    }

    private static JsonNode objection(Book book, String objectionId) {
        return new ObjectMapper().valueToTree(book).path("objections").path("byId").path(objectionId);
    }
}
