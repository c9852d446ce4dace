package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** 公示表 会签 by a community auditor who did not draft it. */
public record StatementSignedEvent(SignedEntry entry) implements LedgerEvent {
}
