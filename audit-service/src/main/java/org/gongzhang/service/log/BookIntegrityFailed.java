package org.gongzhang.service.log;

import org.gongzhang.core.book.api.LedgerRefusal;

/**
 * The book's stored log no longer extends the last checkpoint the service signed for it (kept
 * outside the database): it was truncated or rewritten behind the service's back. Nothing more is
 * signed for the book and nothing derived from it is served (409 {@code book.integrity.failed}).
 */
public class BookIntegrityFailed extends LedgerRefusal {

    public static final String CODE = "book.integrity.failed";

    private final String book;
    private final long trustedSize;

    public BookIntegrityFailed(String book, long trustedSize) {
        super(Kind.CONFLICT, CODE, null, book, String.valueOf(trustedSize));
        this.book = book;
        this.trustedSize = trustedSize;
    }

    public String book() {
        return book;
    }

    /** The size of the last checkpoint the service signed for the book. */
    public long trustedSize() {
        return trustedSize;
    }
}
