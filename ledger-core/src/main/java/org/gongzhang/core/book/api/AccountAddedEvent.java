package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** A 会计科目 added under a parent. */
public record AccountAddedEvent(SignedEntry entry) implements LedgerEvent {
}
