package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** 不予批准 at the pending step, with the reason; a refused increase leaves the earlier approval standing. */
public record RequestRefusedEvent(SignedEntry entry) implements LedgerEvent {
}
