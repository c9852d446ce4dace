package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** 期初余额 entered. */
public record OpeningBalancesSetEvent(SignedEntry entry) implements LedgerEvent {
}
