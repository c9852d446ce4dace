package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/**
 * 公示表 起草 over closed periods, on exactly the log before it. {@code version} is derived from the
 * log (1, or one more than the version it corrects), carried here for read models.
 */
public record StatementDraftedEvent(SignedEntry entry, int version) implements LedgerEvent {
}
