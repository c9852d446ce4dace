package org.gongzhang.service.disclosure;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.test.saga.SagaTestFixture;
import org.gongzhang.core.book.api.ObjectionAnsweredEvent;
import org.gongzhang.core.book.api.ObjectionRaisedEvent;
import org.gongzhang.service.support.ClientKeys;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.entry.EntryDraft;
import org.gongzhang.verifier.entry.Role;
import org.gongzhang.verifier.entry.SignedEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The answer deadline of an objection, with the saga fixture's clock: escalated only when it passes unanswered. */
class ObjectionDeadlineSagaTest {

    private static final String BOOK = "lanyuan-public";
    private static final LocalDate RAISED = LocalDate.of(2026, 11, 2);
    private static final LocalDate ANSWER_BY = RAISED.plusDays(5);
    /** The end of the answer date, Beijing time. */
    private static final Instant DUE = Instant.parse("2026-11-07T16:00:00Z");

    private final ObjectMapper json = new ObjectMapper();
    private final ClientKeys owner = ClientKeys.generate("owner:0001", Role.OWNER, SignatureSuite.ED25519);
    private final ClientKeys chair = ClientKeys.generate("committee:chair", Role.COMMITTEE_CHAIR, SignatureSuite.ED25519);
    private final String objectionId = UUID.randomUUID().toString();
    private SagaTestFixture<ObjectionDeadlineSaga> fixture;
    private Objections objections;

    @BeforeEach
    void fixture() {
        fixture = new SagaTestFixture<>(ObjectionDeadlineSaga.class);
        objections = mock(Objections.class);
        fixture.registerResource(objections);
    }

    @Test
    void aRaisedObjectionSetsADeadlineAtTheEndOfItsAnswerDate() {
        fixture.givenCurrentTime(Instant.parse("2026-11-02T02:00:00Z"))
                .whenPublishingA(raised())
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(DUE, ObjectionDeadlineSaga.DEADLINE);
    }

    @Test
    void unansweredPastItsDateItIsEscalatedByTheClerk() {
        fixture.givenCurrentTime(Instant.parse("2026-11-02T02:00:00Z"))
                .andThenAPublished(raised())
                .whenTimeAdvancesTo(DUE.plus(Duration.ofMinutes(1)))
                .expectDeadlinesMetMatching(org.axonframework.test.matchers.Matchers.listWithAnyOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.CoreMatchers.equalTo(objectionId))))
                .expectActiveSagas(0);
        verify(objections).escalate(BOOK, objectionId);
    }

    @Test
    void oneSecondBeforeTheDeadlineNothingHappens() {
        fixture.givenCurrentTime(Instant.parse("2026-11-02T02:00:00Z"))
                .andThenAPublished(raised())
                .whenTimeAdvancesTo(DUE.minusSeconds(1))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
        verify(objections, never()).escalate(BOOK, objectionId);
    }

    @Test
    void anAnswerCancelsTheDeadline() {
        fixture.givenCurrentTime(Instant.parse("2026-11-02T02:00:00Z"))
                .andThenAPublished(raised())
                .whenPublishingA(answered())
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
        verify(objections, never()).escalate(BOOK, objectionId);
    }

    private ObjectionRaisedEvent raised() {
        ObjectNode payload = json.createObjectNode().put("objectionId", objectionId).put("statementId", "s1")
                .put("owner", "0".repeat(64)).put("text", "1".repeat(64)).put("answerBy", ANSWER_BY.toString());
        return new ObjectionRaisedEvent(entry(owner, 10, "objection.raised", RAISED, payload));
    }

    private ObjectionAnsweredEvent answered() {
        ObjectNode payload = json.createObjectNode().put("objectionId", objectionId).put("answer", "已说明");
        return new ObjectionAnsweredEvent(entry(chair, 11, "objection.answered", RAISED.plusDays(1), payload));
    }

    private SignedEntry entry(ClientKeys keys, long index, String kind, LocalDate date, ObjectNode payload) {
        return new EntryDraft(BOOK, index, "0".repeat(64), kind, keys.actor(), keys.role(), keys.keyId(), keys.suite(),
                false, UUID.randomUUID().toString(), Instant.parse("2026-11-02T02:00:00Z"), date, payload)
                .sign(keys.pair().getPrivate());
    }
}
