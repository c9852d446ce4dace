package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** 退回补充: the request goes back to its requester with a question. */
public record RequestReturnedEvent(SignedEntry entry) implements LedgerEvent {
}
