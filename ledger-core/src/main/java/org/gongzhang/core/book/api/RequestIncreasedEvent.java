package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** 超支追加: an approved request's new total, to be approved again (杭州 §72). */
public record RequestIncreasedEvent(SignedEntry entry) implements LedgerEvent {
}
