package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/**
 * 公示 of a signed-off statement for its posting period. {@code supersedes} is the published version
 * this correction (更正) replaces, or null; the replaced version stays visible, marked superseded.
 */
public record StatementPublishedEvent(SignedEntry entry, String supersedes) implements LedgerEvent {
}
