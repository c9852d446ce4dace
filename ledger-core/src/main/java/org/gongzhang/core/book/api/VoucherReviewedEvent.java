package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** 凭证 审核 by someone other than the preparer. */
public record VoucherReviewedEvent(SignedEntry entry) implements LedgerEvent {
}
