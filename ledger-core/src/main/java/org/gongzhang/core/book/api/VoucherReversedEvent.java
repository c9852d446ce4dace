package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** 红字冲销: a red voucher that cancels a posted one. */
public record VoucherReversedEvent(SignedEntry entry) implements LedgerEvent {
}
