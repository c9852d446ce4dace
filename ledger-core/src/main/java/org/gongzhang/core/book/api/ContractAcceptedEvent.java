package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** 验收: a contract's works or services accepted. */
public record ContractAcceptedEvent(SignedEntry entry) implements LedgerEvent {
}
