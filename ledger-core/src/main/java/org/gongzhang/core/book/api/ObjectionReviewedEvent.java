package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** 异议 复核 by the community auditor. */
public record ObjectionReviewedEvent(SignedEntry entry) implements LedgerEvent {
}
