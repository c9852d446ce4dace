package org.gongzhang.service.governance;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.test.saga.SagaTestFixture;
import org.axonframework.test.saga.ContinuedGivenState;
import org.gongzhang.core.book.api.RequestApprovedEvent;
import org.gongzhang.core.book.api.RequestCancelledEvent;
import org.gongzhang.core.book.api.RequestEscalatedEvent;
import org.gongzhang.core.book.api.RequestIncreasedEvent;
import org.gongzhang.core.book.api.RequestRaisedEvent;
import org.gongzhang.core.book.api.RequestResubmittedEvent;
import org.gongzhang.core.book.api.RequestReturnedEvent;
import org.gongzhang.service.support.ClientKeys;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.entry.EntryDraft;
import org.gongzhang.verifier.entry.Role;
import org.gongzhang.verifier.entry.SignedEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The review deadline of a pending approval step, with the saga fixture's clock: 5 review working
 * days after a request raised on Monday 2 November 2026 end on Monday 9 November (the reminder, at
 * 00:00 Beijing time = 16:00 UTC the day before); on Tuesday 10 November the step is late and the
 * clerk escalates it. Every later entry on the request moves the deadlines to the step then waiting.
 */
class RequestReviewSagaTest {

    private static final String BOOK = "lanyuan-public";
    private static final Instant NOW = Instant.parse("2026-11-02T02:00:00Z");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);
    private static final Instant REMIND = Instant.parse("2026-11-08T16:00:00Z");
    private static final Instant ESCALATE = Instant.parse("2026-11-09T16:00:00Z");
    private static final int DAYS = 5;

    private final ObjectMapper json = new ObjectMapper();
    private final ClientKeys member = ClientKeys.generate("committee:member", Role.COMMITTEE_MEMBER, SignatureSuite.ED25519);
    private final ClientKeys chair = ClientKeys.generate("committee:chair", Role.COMMITTEE_CHAIR, SignatureSuite.ED25519);
    private final String requestId = UUID.randomUUID().toString();
    private SagaTestFixture<RequestReviewSaga> fixture;
    private Reviews reviews;

    @BeforeEach
    void fixture() {
        fixture = new SagaTestFixture<>(RequestReviewSaga.class);
        reviews = mock(Reviews.class);
        fixture.registerResource(reviews);
    }

    @Test
    void aRaisedRequestIsRemindedOnItsLastReviewDayAndEscalatedOnTheNext() {
        standsAt(pending("COMMITTEE", MONDAY, null));
        fixture.givenCurrentTime(NOW)
                .whenPublishingA(raised())
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(REMIND, RequestReviewSaga.REMINDER)
                .expectScheduledDeadlineWithName(ESCALATE, RequestReviewSaga.ESCALATION);
    }

    @Test
    void oneSecondBeforeTheLastDayNothingHappens() {
        standsAt(pending("COMMITTEE", MONDAY, null));
        fixture.givenCurrentTime(NOW).andThenAPublished(raised())
                .whenTimeAdvancesTo(REMIND.minusSeconds(1))
                .expectTriggeredDeadlinesWithName();
        verify(reviews, never()).remind(anyString(), anyString(), anyString(), any());
        verify(reviews, never()).escalate(anyString(), anyString(), anyString(), any());
    }

    @Test
    void onTheLastDayTheReviewersAreReminded() {
        standsAt(pending("COMMITTEE", MONDAY, null));
        fixture.givenCurrentTime(NOW).andThenAPublished(raised())
                .whenTimeAdvancesTo(REMIND)
                .expectTriggeredDeadlinesWithName(RequestReviewSaga.REMINDER)
                .expectActiveSagas(1);
        verify(reviews).remind(BOOK, requestId, "COMMITTEE", MONDAY);
        verify(reviews, never()).escalate(anyString(), anyString(), anyString(), any());
    }

    @Test
    void theNextWorkingDayTheStepIsEscalated() {
        standsAt(pending("COMMITTEE", MONDAY, null));
        fixture.givenCurrentTime(NOW).andThenAPublished(raised())
                .whenTimeAdvancesTo(ESCALATE)
                .expectTriggeredDeadlinesWithName(RequestReviewSaga.REMINDER, RequestReviewSaga.ESCALATION)
                .expectActiveSagas(1);
        verify(reviews).escalate(BOOK, requestId, "COMMITTEE", MONDAY);
    }

    @Test
    void aWeekendDoesNotCount() {
        LocalDate friday = LocalDate.of(2026, 11, 6);
        standsAt(pending("COMMITTEE", friday, null));
        // 5 working days after Friday 6 November end on Friday 13; late on Monday 16
        fixture.givenCurrentTime(NOW)
                .whenPublishingA(raised())
                .expectScheduledDeadlineWithName(Instant.parse("2026-11-12T16:00:00Z"), RequestReviewSaga.REMINDER)
                .expectScheduledDeadlineWithName(Instant.parse("2026-11-15T16:00:00Z"), RequestReviewSaga.ESCALATION);
    }

    @Test
    void theRuleSetsWorkingDaysAreUsed() {
        when(reviews.state(BOOK, requestId)).thenReturn(Optional.of(
                new Reviews.ReviewState("PENDING", "COMMITTEE", MONDAY, 2, null)));
        fixture.givenCurrentTime(NOW)
                .whenPublishingA(raised())
                .expectScheduledDeadlineWithName(Instant.parse("2026-11-03T16:00:00Z"), RequestReviewSaga.REMINDER)
                .expectScheduledDeadlineWithName(Instant.parse("2026-11-04T16:00:00Z"), RequestReviewSaga.ESCALATION);
    }

    @Test
    void anApprovalMovesTheDeadlinesToTheNextStep() {
        standsAt(pending("COMMITTEE", MONDAY, null));
        ContinuedGivenState raised = fixture.givenCurrentTime(NOW).andThenAPublished(raised());
        LocalDate wednesday = MONDAY.plusDays(2);
        standsAt(pending("COMMUNITY", wednesday, null));
        raised.whenPublishingA(approved(wednesday))
                .expectActiveSagas(1)
                .expectNoScheduledDeadlineWithName(REMIND, RequestReviewSaga.REMINDER)
                .expectNoScheduledDeadlineWithName(ESCALATE, RequestReviewSaga.ESCALATION)
                .expectScheduledDeadlineWithName(Instant.parse("2026-11-10T16:00:00Z"), RequestReviewSaga.REMINDER)
                .expectScheduledDeadlineWithName(Instant.parse("2026-11-11T16:00:00Z"), RequestReviewSaga.ESCALATION);
    }

    @Test
    void theLastApprovalEndsTheWait() {
        standsAt(pending("COMMITTEE", MONDAY, null));
        ContinuedGivenState raised = fixture.givenCurrentTime(NOW).andThenAPublished(raised());
        standsAt(new Reviews.ReviewState("APPROVED", null, null, DAYS, null));
        raised.whenPublishingA(approved(MONDAY.plusDays(1)))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void aReturnedRequestWaitsForItsRequesterNotForAReviewer() {
        standsAt(pending("COMMITTEE", MONDAY, null));
        ContinuedGivenState raised = fixture.givenCurrentTime(NOW).andThenAPublished(raised());
        standsAt(new Reviews.ReviewState("RETURNED", null, null, DAYS, null));
        raised.whenPublishingA(returned())
                .expectNoScheduledDeadlines()
                .expectActiveSagas(1);
    }

    @Test
    void aResubmittedRequestWaitsAgainFromTheDayItCameBack() {
        standsAt(pending("COMMITTEE", MONDAY, null));
        ContinuedGivenState raised = fixture.givenCurrentTime(NOW).andThenAPublished(raised());
        standsAt(new Reviews.ReviewState("RETURNED", null, null, DAYS, null));
        raised.andThenAPublished(returned());
        LocalDate thursday = MONDAY.plusDays(3);
        standsAt(pending("COMMITTEE", thursday, null));
        // 5 working days after Thursday 5 November end on Thursday 12; late on Friday 13
        raised.whenPublishingA(resubmitted(thursday))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Instant.parse("2026-11-11T16:00:00Z"), RequestReviewSaga.REMINDER)
                .expectScheduledDeadlineWithName(Instant.parse("2026-11-12T16:00:00Z"), RequestReviewSaga.ESCALATION);
    }

    @Test
    void aCancelledRequestEndsTheWait() {
        standsAt(pending("COMMITTEE", MONDAY, null));
        ContinuedGivenState raised = fixture.givenCurrentTime(NOW).andThenAPublished(raised());
        standsAt(new Reviews.ReviewState("CANCELLED", null, null, DAYS, null));
        raised.whenPublishingA(cancelled())
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
        verify(reviews, never()).escalate(anyString(), anyString(), anyString(), any());
    }

    @Test
    void aStepEscalatedByTheAuditorIsNotEscalatedAgain() {
        standsAt(pending("COMMITTEE", MONDAY, null));
        ContinuedGivenState raised = fixture.givenCurrentTime(NOW).andThenAPublished(raised());
        standsAt(pending("COMMITTEE", MONDAY, "COMMUNITY"));
        raised.whenPublishingA(escalated())
                .expectNoScheduledDeadlines()
                .expectActiveSagas(1);
    }

    @Test
    void anIncreaseAfterTheWaitEndedStartsItAgain() {
        standsAt(new Reviews.ReviewState("APPROVED", null, null, DAYS, null));
        ContinuedGivenState approved = fixture.givenCurrentTime(NOW).andThenAPublished(raised());
        LocalDate tuesday = MONDAY.plusDays(8);
        standsAt(pending("COMMITTEE", tuesday, null));
        // 5 working days after Tuesday 10 November end on Tuesday 17; late on Wednesday 18
        approved.whenPublishingA(increased(tuesday))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(Instant.parse("2026-11-16T16:00:00Z"), RequestReviewSaga.REMINDER)
                .expectScheduledDeadlineWithName(Instant.parse("2026-11-17T16:00:00Z"), RequestReviewSaga.ESCALATION);
    }

    private void standsAt(Reviews.ReviewState state) {
        when(reviews.state(BOOK, requestId)).thenReturn(Optional.of(state));
    }

    private static Reviews.ReviewState pending(String step, LocalDate since, String escalatedTo) {
        return new Reviews.ReviewState("PENDING", step, since, DAYS, escalatedTo);
    }

    private RequestRaisedEvent raised() {
        return new RequestRaisedEvent(entry(member, 10, "request.raised", MONDAY, request().put("purpose", "更换门禁")));
    }

    private RequestApprovedEvent approved(LocalDate date) {
        return new RequestApprovedEvent(entry(chair, 11, "request.approved", date, request().put("step", "COMMITTEE")));
    }

    private RequestReturnedEvent returned() {
        return new RequestReturnedEvent(entry(chair, 11, "request.returned", MONDAY.plusDays(1),
                request().put("step", "COMMITTEE").put("question", "请补充报价")));
    }

    private RequestResubmittedEvent resubmitted(LocalDate date) {
        return new RequestResubmittedEvent(entry(member, 12, "request.resubmitted", date,
                request().put("purpose", "更换门禁")));
    }

    private RequestCancelledEvent cancelled() {
        return new RequestCancelledEvent(entry(member, 11, "request.cancelled", MONDAY.plusDays(1),
                request().put("reason", "不再需要")));
    }

    private RequestEscalatedEvent escalated() {
        ClientKeys auditor = ClientKeys.generate("community:auditor", Role.COMMUNITY_AUDITOR, SignatureSuite.ED25519);
        return new RequestEscalatedEvent(entry(auditor, 11, "request.escalated", MONDAY.plusDays(8),
                request().put("step", "COMMITTEE").put("reason", "DEADLINE")));
    }

    private RequestIncreasedEvent increased(LocalDate date) {
        return new RequestIncreasedEvent(entry(member, 20, "request.increased", date,
                request().put("amount", "3600.00").put("reason", "材料涨价")));
    }

    private ObjectNode request() {
        return json.createObjectNode().put("requestId", requestId);
    }

    private SignedEntry entry(ClientKeys keys, long index, String kind, LocalDate date, ObjectNode payload) {
        return new EntryDraft(BOOK, index, "0".repeat(64), kind, keys.actor(), keys.role(), keys.keyId(), keys.suite(),
                false, UUID.randomUUID().toString(), NOW, date, payload)
                .sign(keys.pair().getPrivate());
    }
}
