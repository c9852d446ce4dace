package org.gongzhang.service.governance;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.gongzhang.core.book.api.LedgerEvent;
import org.gongzhang.core.book.api.RequestApprovedEvent;
import org.gongzhang.core.book.api.RequestCancelledEvent;
import org.gongzhang.core.book.api.RequestEscalatedEvent;
import org.gongzhang.core.book.api.RequestIncreasedEvent;
import org.gongzhang.core.book.api.RequestRaisedEvent;
import org.gongzhang.core.book.api.RequestRefusedEvent;
import org.gongzhang.core.book.api.RequestResubmittedEvent;
import org.gongzhang.core.book.api.RequestReturnedEvent;
import org.gongzhang.service.axon.PayloadAssociationResolver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One per expenditure request while a step of it can wait: after every entry on the request it
 * reads where the request stands (the governance index is written with the entry, so it is never
 * behind) and sets two deadlines for the step now waiting — a reminder at the start of the last
 * review working day, an escalation at the start of the next working day. Any later entry on the
 * request replaces them. It ends when nothing can wait any more: the request approved in full,
 * refused or cancelled; an increase starts it again.
 */
@Saga
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class RequestReviewSaga {

    static final String REMINDER = "request-review-reminder";
    static final String ESCALATION = "request-review-escalation";
    private static final String REQUEST_ID = "requestId";

    private String book;
    private String requestId;
    /** The step the deadlines were set for, and the day it began to wait (ISO date). */
    private String step;
    private String since;
    private String reminderId;
    private String escalationId;

    @Autowired
    @JsonIgnore
    private transient Reviews reviews;

    @StartSaga
    @SagaEventHandler(associationProperty = REQUEST_ID, associationResolver = PayloadAssociationResolver.class)
    void on(RequestRaisedEvent event, DeadlineManager deadlines) {
        follow(event, deadlines);
    }

    /** An approved request that is increased waits again, possibly long after this saga ended. */
    @StartSaga
    @SagaEventHandler(associationProperty = REQUEST_ID, associationResolver = PayloadAssociationResolver.class)
    void on(RequestIncreasedEvent event, DeadlineManager deadlines) {
        follow(event, deadlines);
    }

    @SagaEventHandler(associationProperty = REQUEST_ID, associationResolver = PayloadAssociationResolver.class)
    void on(RequestApprovedEvent event, DeadlineManager deadlines) {
        follow(event, deadlines);
    }

    @SagaEventHandler(associationProperty = REQUEST_ID, associationResolver = PayloadAssociationResolver.class)
    void on(RequestReturnedEvent event, DeadlineManager deadlines) {
        follow(event, deadlines);
    }

    @SagaEventHandler(associationProperty = REQUEST_ID, associationResolver = PayloadAssociationResolver.class)
    void on(RequestResubmittedEvent event, DeadlineManager deadlines) {
        follow(event, deadlines);
    }

    @SagaEventHandler(associationProperty = REQUEST_ID, associationResolver = PayloadAssociationResolver.class)
    void on(RequestEscalatedEvent event, DeadlineManager deadlines) {
        follow(event, deadlines);
    }

    @SagaEventHandler(associationProperty = REQUEST_ID, associationResolver = PayloadAssociationResolver.class)
    void on(RequestRefusedEvent event, DeadlineManager deadlines) {
        follow(event, deadlines);
    }

    @SagaEventHandler(associationProperty = REQUEST_ID, associationResolver = PayloadAssociationResolver.class)
    void on(RequestCancelledEvent event, DeadlineManager deadlines) {
        follow(event, deadlines);
    }

    @DeadlineHandler(deadlineName = REMINDER)
    void reviewDue(String requestId) {
        reminderId = null;
        reviews.remind(book, requestId, step, LocalDate.parse(since));
    }

    @DeadlineHandler(deadlineName = ESCALATION)
    void reviewLate(String requestId) {
        escalationId = null;
        reviews.escalate(book, requestId, step, LocalDate.parse(since));
    }

    private void follow(LedgerEvent event, DeadlineManager deadlines) {
        book = event.header().book();
        requestId = event.header().payload().path(REQUEST_ID).asText();
        Optional<Reviews.ReviewState> state = reviews.state(book, requestId);
        if (state.isPresent() && state.get().pending()) {
            Reviews.ReviewState waiting = state.get();
            boolean sameWait = waiting.step().equals(step) && waiting.since().toString().equals(since);
            if (!sameWait) {
                cancel(deadlines);
                step = waiting.step();
                since = waiting.since().toString();
                if (waiting.escalatedTo() == null) {
                    reminderId = deadlines.schedule(waiting.remindAt(), REMINDER, requestId);
                    escalationId = deadlines.schedule(waiting.escalateAt(), ESCALATION, requestId);
                }
            } else if (waiting.escalatedTo() != null) {
                cancel(deadlines);
            }
            return;
        }
        cancel(deadlines);
        step = null;
        since = null;
        if (state.isEmpty() || !"RETURNED".equals(state.get().status())) {
            SagaLifecycle.end();
        }
    }

    private void cancel(DeadlineManager deadlines) {
        if (reminderId != null) {
            deadlines.cancelSchedule(REMINDER, reminderId);
            reminderId = null;
        }
        if (escalationId != null) {
            deadlines.cancelSchedule(ESCALATION, escalationId);
            escalationId = null;
        }
    }
}
