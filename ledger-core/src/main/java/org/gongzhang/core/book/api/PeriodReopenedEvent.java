package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** 反结账: the latest closed period reopened, with a reason. */
public record PeriodReopenedEvent(SignedEntry entry) implements LedgerEvent {
}
