package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/**
 * 记账: a reviewed voucher posted. {@code word}, {@code period} and {@code number} are derived from
 * the log (the next gap-free number per 凭证字 per period), carried here for read models.
 */
public record VoucherPostedEvent(SignedEntry entry, String word, String period, int number) implements LedgerEvent {
}
