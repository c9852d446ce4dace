package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** 签订合同: the committee chair signs the contract with the awarded supplier. */
public record ContractSignedEvent(SignedEntry entry) implements LedgerEvent {
}
