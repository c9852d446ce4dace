package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** An unposted voucher voided; it stays in the log. */
public record VoucherVoidedEvent(SignedEntry entry) implements LedgerEvent {
}
