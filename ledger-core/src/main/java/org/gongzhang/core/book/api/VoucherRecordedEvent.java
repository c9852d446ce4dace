package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** 记账凭证 录入 by its preparer (制单). */
public record VoucherRecordedEvent(SignedEntry entry) implements LedgerEvent {
}
