package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** 利益申报: the signer declares an interest in a payee and may no longer approve paying it. */
public record InterestDeclaredEvent(SignedEntry entry) implements LedgerEvent {
}
