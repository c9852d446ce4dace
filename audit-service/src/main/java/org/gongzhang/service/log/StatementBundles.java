package org.gongzhang.service.log;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.crypto.Digests;
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

    /** The threshold, in 分, that a statement without one itemises spending from (ledger.statement.item-threshold). */
    long defaultThreshold() {
        return defaultThreshold;
    }

    /** A statement with the bundle it rests on (its checkpoint is the bundle's), written to a file. */
    public record Backed(Statement statement, BookAudit.Spooled bundle) {
    }

    /**
     * The statement for {@code from}…{@code to} over the first {@code size} entries (all accepted
     * entries when null), itemising spending at or above {@code threshold} yuan (the configured
     * default when null); refuses bad periods and thresholds. Computed as the entries go past, not
     * held.
     */
    public Statement statement(String book, Long size, String from, String to, String threshold) {
        Request request = request(from, to, threshold);
        StatementFigures.Computation figures = request.computation();
        Checkpoints.Stored checkpoint = audit.read(book, size, entry -> figures.apply(entry.header()));
        return request.statement(book, checkpoint, figures);
    }

    /**
     * {@link #statement} with the bundle behind it: the same entries and checkpoint, the statement as
     * its {@code statement.json}, written to a file in the same pass that computes it.
     */
    public Backed backed(String book, Long size, String from, String to, String threshold) {
        Request request = request(from, to, threshold);
        StatementFigures.Computation figures = request.computation();
        Statement[] statement = new Statement[1];
        BookAudit.Spooled bundle = audit.spool(book, size, entry -> figures.apply(entry.header()), checkpoint -> {
            statement[0] = request.statement(book, checkpoint, figures);
            return Optional.of(statement[0].toJson());
        });
        return new Backed(statement[0], bundle);
    }

    /** What a statement is asked for: its periods and threshold, checked. */
    private record Request(YearMonth first, YearMonth last, long itemThreshold) {

        StatementFigures.Computation computation() {
            return StatementFigures.computation(first, last, itemThreshold);
        }

        Statement statement(String book, Checkpoints.Stored stored, StatementFigures.Computation figures) {
            Checkpoint checkpoint = Checkpoint.parse(stored.signedNote().text());
            return new Statement(book, first, last, checkpoint.size(), Digests.hex(checkpoint.root()), itemThreshold, 0,
                    figures.figures());
        }
    }

    private Request request(String from, String to, String threshold) {
        YearMonth first = period(from, "from");
        YearMonth last = period(to, "to");
        if (first.isAfter(last)) {
            throw new LedgerRefusal(Kind.INVALID, "statement.period.reversed", "from", from, to);
        }
        return new Request(first, last, threshold == null ? defaultThreshold : amount(threshold));
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
