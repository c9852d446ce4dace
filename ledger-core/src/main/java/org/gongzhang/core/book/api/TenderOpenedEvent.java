package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** 开标: every sealed bid revealed with its amount. */
public record TenderOpenedEvent(SignedEntry entry) implements LedgerEvent {
}
