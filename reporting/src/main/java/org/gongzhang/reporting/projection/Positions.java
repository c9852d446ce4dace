package org.gongzhang.reporting.projection;

import org.gongzhang.verifier.entry.EntryHeader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How far the read model has applied each book's log. Entries apply in order without gaps: entry
 * {@code n} only right after {@code n - 1}, and the position moves in the same transaction as the
 * tables. A redelivered event changes nothing; an event that could not be read (a tampered event
 * table) holds the book's reports at the entry before it, and every report says so by its
 * {@code appliedIndex}, instead of adding up a log with a hole in it.
 */
final class Positions {

    private final JdbcTemplate jdbc;

    Positions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Moves the book's position to this entry; false when it was applied before or does not come next. */
    boolean advance(EntryHeader header) {
        if (header.index() == 0) {
            return jdbc.update("insert into report_position (book_id, applied_index) values (?, 0) on conflict do nothing",
                    header.book()) == 1;
        }
        return jdbc.update("""
                update report_position set applied_index = ? where book_id = ? and applied_index = ?""",
                header.index(), header.book(), header.index() - 1) == 1;
    }
}
