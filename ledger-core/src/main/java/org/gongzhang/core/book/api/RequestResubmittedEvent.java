package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** A returned request resubmitted by its requester; its path starts again. */
public record RequestResubmittedEvent(SignedEntry entry) implements LedgerEvent {
}
