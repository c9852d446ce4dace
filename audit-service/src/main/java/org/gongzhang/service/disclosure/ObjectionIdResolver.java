package org.gongzhang.service.disclosure;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.modelling.saga.AssociationResolver;
import org.gongzhang.core.book.api.LedgerEvent;

/** Associates a saga with the {@code objectionId} inside a ledger event's signed payload. */
public class ObjectionIdResolver implements AssociationResolver {

    @Override
    public <T> void validate(String associationPropertyName, MessageHandlingMember<T> handler) {
        // every objection event carries objectionId in its payload
    }

    @Override
    public <T> Object resolve(String associationPropertyName, EventMessage<?> message, MessageHandlingMember<T> handler) {
        return ((LedgerEvent) message.getPayload()).header().payload().path(associationPropertyName).asText();
    }
}
