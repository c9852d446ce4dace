package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** 结账: the period is locked. */
public record PeriodClosedEvent(SignedEntry entry) implements LedgerEvent {
}
