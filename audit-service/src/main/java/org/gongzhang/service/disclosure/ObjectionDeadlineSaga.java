package org.gongzhang.service.disclosure;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.ZoneId;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.gongzhang.core.book.api.ObjectionAnsweredEvent;
import org.gongzhang.core.book.api.ObjectionEscalatedEvent;
import org.gongzhang.core.book.api.ObjectionRaisedEvent;
import org.gongzhang.core.book.api.payload.ObjectionRaised;
import org.gongzhang.service.axon.PayloadAssociationResolver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One per objection: when it is raised, a deadline at the end of its answer date (Beijing time);
 * an answer (or an escalation by hand) ends it; if the deadline comes first, the service's clerk
 * escalates the objection to the community (已升级).
 */
@Saga
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class ObjectionDeadlineSaga {

    static final String DEADLINE = "objection-answer";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private String book;
    private String objectionId;
    private String deadlineId;

    @Autowired
    @JsonIgnore
    private transient Objections objections;

    @StartSaga
    @SagaEventHandler(associationProperty = "objectionId", associationResolver = PayloadAssociationResolver.class)
    void on(ObjectionRaisedEvent event, DeadlineManager deadlines) {
        ObjectionRaised raised = ObjectionRaised.from(event.entry());
        book = event.header().book();
        objectionId = raised.objectionId();
        Instant due = raised.answerBy().plusDays(1).atStartOfDay(ZONE).toInstant();
        deadlineId = deadlines.schedule(due, DEADLINE, objectionId);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "objectionId", associationResolver = PayloadAssociationResolver.class)
    void on(ObjectionAnsweredEvent event, DeadlineManager deadlines) {
        deadlines.cancelSchedule(DEADLINE, deadlineId);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "objectionId", associationResolver = PayloadAssociationResolver.class)
    void on(ObjectionEscalatedEvent event, DeadlineManager deadlines) {
        deadlines.cancelSchedule(DEADLINE, deadlineId);
    }

    @DeadlineHandler(deadlineName = DEADLINE)
    void answerDateMissed(String objectionId) {
        objections.escalate(book, objectionId);
        SagaLifecycle.end();
    }
}
