package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** A person's public key registered for a role. */
public record KeyRegisteredEvent(SignedEntry entry) implements LedgerEvent {
}
