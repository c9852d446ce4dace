package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** A step that waited past the review deadline, escalated to the level above. */
public record RequestEscalatedEvent(SignedEntry entry) implements LedgerEvent {
}
