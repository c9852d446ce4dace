package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** 评标: the opened bids ranked. */
public record TenderEvaluatedEvent(SignedEntry entry) implements LedgerEvent {
}
