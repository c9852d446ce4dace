package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** A key revoked. */
public record KeyRevokedEvent(SignedEntry entry) implements LedgerEvent {
}
