package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** 业主共同决定 (民法典 §278) recorded with its tally, whose result the book recomputed. */
public record DecisionRecordedEvent(SignedEntry entry) implements LedgerEvent {
}
