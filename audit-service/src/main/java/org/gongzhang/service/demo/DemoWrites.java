package org.gongzhang.service.demo;

import org.gongzhang.service.entry.BookWrites;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a piece of the demo, entries of one book only, in one transaction whose appends are sent to
 * the database together at its end ({@link BookWrites#appendTogether}), as a voucher import's chunk
 * is: a month of the demo's year in one commit instead of one per entry (docs/benchmarks.md
 * 2026-12-06 23:06). Each entry is still signed at the head the one before it left and judged by
 * the book as any other.
 */
record DemoWrites(BookWrites writes, TransactionTemplate transaction) {

    void together(String book, Runnable work) {
        transaction.executeWithoutResult(status -> writes.appendTogether(book, work));
    }
}
