package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** 公示表 草稿撤回 before sign-off; the draft stays in the log. */
public record StatementWithdrawnEvent(SignedEntry entry) implements LedgerEvent {
}
