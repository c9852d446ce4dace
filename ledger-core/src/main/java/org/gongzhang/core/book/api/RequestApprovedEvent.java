package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** One step of a request's approval path approved; the last one approves the request. */
public record RequestApprovedEvent(SignedEntry entry) implements LedgerEvent {
}
