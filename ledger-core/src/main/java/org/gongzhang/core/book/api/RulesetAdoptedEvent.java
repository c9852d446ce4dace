package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** 业财社管 规则: a version of a spending rule set adopted for the book by the town. */
public record RulesetAdoptedEvent(SignedEntry entry) implements LedgerEvent {
}
