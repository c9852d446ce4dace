package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** A 会计科目 disabled; never deleted. */
public record AccountDisabledEvent(SignedEntry entry) implements LedgerEvent {
}
