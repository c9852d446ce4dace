package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** 已撤销: a request withdrawn before any payment against it. */
public record RequestCancelledEvent(SignedEntry entry) implements LedgerEvent {
}
