package org.gongzhang.service.report;

import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.core.period.Period;
import org.gongzhang.reporting.api.ReportedBook;
import org.gongzhang.reporting.book.ReportBooks;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.verifier.statement.Fen;
import org.springframework.stereotype.Component;

/**
 * Turns a report request's book, periods and threshold into values, or refuses them with a message
 * key. Exports of the read model read their requests the same way.
 */
@Component
public class ReportRequests {

    private final BookDirectory directory;
    private final ReportBooks reportBooks;

    ReportRequests(BookDirectory directory, ReportBooks reportBooks) {
        this.directory = directory;
        this.reportBooks = reportBooks;
    }

    /** The book as the read model knows it: 404 when the service holds no such book, 409 while the read model has not read it yet. */
    public ReportedBook book(String book) {
        if (directory.find(book).isEmpty()) {
            throw new LedgerRefusal(Kind.NOT_FOUND, "book.not-found", "book", book);
        }
        return reportBooks.find(book)
                .orElseThrow(() -> new LedgerRefusal(Kind.CONFLICT, "report.book.not-projected", "book", book));
    }

    /** The periods {@code from}…{@code to} of {@code book}, refused when malformed, reversed or before the book's first period. */
    public Range range(ReportedBook book, String from, String to) {
        Period first = period(from, "from");
        Period last = period(to, "to");
        if (first.isAfter(last)) {
            throw new LedgerRefusal(Kind.INVALID, "report.period.reversed", "from", from, to);
        }
        inBook(book, first, "from");
        return new Range(first, last);
    }

    Period period(ReportedBook book, String value, String field) {
        return inBook(book, period(value, field), field);
    }

    /** A threshold in yuan (≥ 0, two decimals at most), or {@code fallback} when none is given. */
    public long threshold(String value, long fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            long fen = Fen.parse(value);
            if (fen >= 0) {
                return fen;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new LedgerRefusal(Kind.INVALID, "report.threshold.invalid", "threshold", value);
    }

    private static Period period(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new LedgerRefusal(Kind.INVALID, "report.period.missing", field, field);
        }
        try {
            return Period.parse(value);
        } catch (IllegalArgumentException e) {
            throw new LedgerRefusal(Kind.INVALID, "report.period.invalid", field, String.valueOf(value));
        }
    }

    private static Period inBook(ReportedBook book, Period period, String field) {
        if (period.isBefore(Period.parse(book.startPeriod()))) {
            throw new LedgerRefusal(Kind.INVALID, "report.period.before-start", field, period.toString(),
                    book.startPeriod());
        }
        return period;
    }

    /** 会计期间 from … to, both included. */
    public record Range(Period from, Period to) {
    }
}
