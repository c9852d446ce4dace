package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** Genesis: the book, its chart of accounts and first keys. */
public record BookOpenedEvent(SignedEntry entry) implements LedgerEvent {
}
