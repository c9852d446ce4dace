package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** 定标: a tender awarded to one bid. */
public record TenderAwardedEvent(SignedEntry entry) implements LedgerEvent {
}
