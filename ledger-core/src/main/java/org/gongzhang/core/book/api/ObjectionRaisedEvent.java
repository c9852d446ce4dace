package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** 异议 提交: an owner objects to a published statement during its posting period. */
public record ObjectionRaisedEvent(SignedEntry entry) implements LedgerEvent {
}
