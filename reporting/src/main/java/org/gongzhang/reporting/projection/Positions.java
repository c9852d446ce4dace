package org.gongzhang.reporting.projection;

import org.gongzhang.verifier.entry.EntryHeader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How far the read model has applied each book's log. An entry is applied only when its index is
 * past the book's position, and the position moves in the same transaction as the tables, so a
 * redelivered event changes nothing.
 */
final class Positions {

    private final JdbcTemplate jdbc;

    Positions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Moves the book's position to this entry; false when the entry was applied before. */
    boolean advance(EntryHeader header) {
        return jdbc.update("""
                insert into report_position (book_id, applied_index) values (?, ?)
                on conflict (book_id) do update set applied_index = excluded.applied_index
                where report_position.applied_index < excluded.applied_index""",
                header.book(), header.index()) == 1;
    }
}
