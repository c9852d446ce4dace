package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** 支出申请 raised; its approval path follows from the rule set the book had adopted last. */
public record RequestRaisedEvent(SignedEntry entry) implements LedgerEvent {
}
