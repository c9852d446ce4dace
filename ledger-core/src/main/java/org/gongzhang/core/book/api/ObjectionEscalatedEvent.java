package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** 异议 升级: still unanswered after its answer date. */
public record ObjectionEscalatedEvent(SignedEntry entry) implements LedgerEvent {
}
