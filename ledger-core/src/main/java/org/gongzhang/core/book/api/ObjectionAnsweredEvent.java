package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** 异议 答复. */
public record ObjectionAnsweredEvent(SignedEntry entry) implements LedgerEvent {
}
