package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** 异议 受理. */
public record ObjectionAcceptedEvent(SignedEntry entry) implements LedgerEvent {
}
