package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** 结算: a contract's final account, with its audit report where one is required. */
public record ContractSettledEvent(SignedEntry entry) implements LedgerEvent {
}
