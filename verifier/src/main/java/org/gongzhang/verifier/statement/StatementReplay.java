package org.gongzhang.verifier.statement;

import java.util.Set;
import java.util.stream.Collectors;
import org.gongzhang.verifier.entry.EntryHeader;

/**
 * What {@link StatementCheck} needs of a book's entries to check one statement, gathered as the
 * entries go past once, in order: the money of the readable entries below the statement's
 * checkpoint, summed into its figures as each voucher is posted. It keeps what a later posting or
 * red reversal needs of each voucher and the postings the statement itemises, not the entries.
 */
public final class StatementReplay {

    private final Statement statement;
    private final StatementFigures.Fold fold;
    private final BookReplay book;

    private StatementReplay(Statement statement) {
        this.statement = statement;
        this.fold = new StatementFigures.Fold(statement.from(), statement.to(), statement.itemThreshold());
        Set<Long> cited = statement.figures().items().stream().map(StatementFigures.Item::entry).collect(Collectors.toSet());
        this.book = BookReplay.streaming(fold::add, cited::contains);
    }

    /** An empty replay for checking {@code statement}. */
    public static StatementReplay of(Statement statement) {
        return new StatementReplay(statement);
    }

    /** How many entries from the first the statement rests on: feed no entry at or past this index. */
    public long size() {
        return statement.checkpointSize();
    }

    /** The next readable entry, index 0 first. */
    public void apply(EntryHeader header) {
        book.apply(header);
    }

    /** The next entry, whose envelope could not be read ({@code why}): it cannot be read as money either. */
    public void unreadable(long index, String why) {
        book.problem("entry " + index + " cannot be read as money: " + why);
    }

    Statement statement() {
        return statement;
    }

    BookReplay book() {
        return book;
    }

    StatementFigures figures() {
        return fold.figures(book);
    }
}
