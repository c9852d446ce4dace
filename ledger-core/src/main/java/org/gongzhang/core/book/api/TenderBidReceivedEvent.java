package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** 投标: a sealed bid received during the notice period. */
public record TenderBidReceivedEvent(SignedEntry entry) implements LedgerEvent {
}
