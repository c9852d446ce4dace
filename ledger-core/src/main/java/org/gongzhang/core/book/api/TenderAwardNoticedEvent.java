package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** 中标公示: the award posted for its notice period. */
public record TenderAwardNoticedEvent(SignedEntry entry) implements LedgerEvent {
}
