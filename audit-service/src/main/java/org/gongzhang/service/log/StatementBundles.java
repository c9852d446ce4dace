package org.gongzhang.service.log;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.verifier.bundle.Bundle;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.entry.SignedEntry;
import org.gongzhang.verifier.statement.BookReplay;
import org.gongzhang.verifier.statement.Fen;
import org.gongzhang.verifier.statement.Statement;
import org.gongzhang.verifier.statement.StatementFigures;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A bundle that backs a statement (公共收益收支公示表): the entries up to a checkpoint and the
 * statement's figures over them in {@code statement.json}, which {@code ./ledger verify} recomputes.
 */
@Component
public class StatementBundles {

    private final BookAudit audit;
    private final long defaultThreshold;

    StatementBundles(BookAudit audit, @Value("${ledger.statement.item-threshold:5000.00}") String defaultThreshold) {
        this.audit = audit;
        this.defaultThreshold = Fen.parse(defaultThreshold);
    }

    /**
     * The bundle of the first {@code size} entries (all accepted entries when null) with the
     * statement for the periods {@code from}…{@code to}, itemising spending at or above
     * {@code threshold} yuan (the configured default when null).
     */
    /** The threshold, in 分, that a statement without one itemises spending from (ledger.statement.item-threshold). */
    long defaultThreshold() {
        return defaultThreshold;
    }

    Bundle bundle(String book, Long size, String from, String to, String threshold) {
        return statement(book, size, from, to, threshold).withStatement();
    }

    /** A statement with the bundle it rests on (its checkpoint is the bundle's). */
    public record Backed(Bundle bundle, Statement statement) {

        /** The bundle carrying the statement as its statement.json. */
        public Bundle withStatement() {
            return bundle.withStatement(statement.toJson());
        }
    }

    /**
     * The statement for {@code from}…{@code to} over the first {@code size} entries (all accepted
     * entries when null), with its bundle; refuses bad periods and thresholds.
     */
    public Backed statement(String book, Long size, String from, String to, String threshold) {
        YearMonth first = period(from, "from");
        YearMonth last = period(to, "to");
        if (first.isAfter(last)) {
            throw new LedgerRefusal(Kind.INVALID, "statement.period.reversed", "from", from, to);
        }
        long itemThreshold = threshold == null ? defaultThreshold : amount(threshold);
        Bundle bundle = audit.bundle(book, size);
        List<SignedEntry> entries = bundle.leaves().stream().map(SignedEntry::fromLeaf).toList();
        Checkpoint checkpoint = Checkpoint.parse(
                org.gongzhang.verifier.checkpoint.SignedNote.parse(bundle.checkpoint().orElseThrow()).text());
        StatementFigures figures = StatementFigures.compute(BookReplay.of(entries), first, last, itemThreshold);
        Statement statement = new Statement(book, first, last, checkpoint.size(), Digests.hex(checkpoint.root()),
                itemThreshold, 0, figures);
        return new Backed(bundle, statement);
    }

    /** Refuses what {@link #statement} would refuse of its arguments, before any book is read (a batch's up-front check). */
    public static void requireValid(String from, String to, String threshold) {
        if (period(from, "from").isAfter(period(to, "to"))) {
            throw new LedgerRefusal(Kind.INVALID, "statement.period.reversed", "from", from, to);
        }
        if (threshold != null) {
            amount(threshold);
        }
    }

    private static YearMonth period(String value, String field) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new LedgerRefusal(Kind.INVALID, "statement.period.invalid", field, String.valueOf(value));
        }
    }

    private static long amount(String value) {
        try {
            long fen = Fen.parse(value);
            if (fen >= 0) {
                return fen;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new LedgerRefusal(Kind.INVALID, "statement.threshold.invalid", "threshold", value);
    }
}
