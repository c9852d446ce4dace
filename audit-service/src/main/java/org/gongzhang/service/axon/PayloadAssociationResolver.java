package org.gongzhang.service.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.modelling.saga.AssociationResolver;
import org.gongzhang.core.book.api.LedgerEvent;

/**
 * Associates a saga with a property inside a ledger event's signed payload ({@code objectionId},
 * {@code requestId}): the events are the entries themselves, so the id lives in their payload.
 */
public class PayloadAssociationResolver implements AssociationResolver {

    @Override
    public <T> void validate(String associationPropertyName, MessageHandlingMember<T> handler) {
        // the handlers that use this resolver take events whose payload carries the property
    }

    @Override
    public <T> Object resolve(String associationPropertyName, EventMessage<?> message, MessageHandlingMember<T> handler) {
        return ((LedgerEvent) message.getPayload()).header().payload().path(associationPropertyName).asText();
    }
}
