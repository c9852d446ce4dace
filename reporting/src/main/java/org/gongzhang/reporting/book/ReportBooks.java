package org.gongzhang.reporting.book;

import java.util.Optional;
import org.gongzhang.reporting.api.ReportedBook;
import org.springframework.jdbc.core.JdbcTemplate;

/** The books the read model has read, with their position in the log. */
public final class ReportBooks {

    private final JdbcTemplate jdbc;

    public ReportBooks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ReportedBook> find(String book) {
        return jdbc.query("""
                select b.book_id, b.name, b.fund, b.compound, b.start_period, p.applied_index
                from report_book b join report_position p on p.book_id = b.book_id where b.book_id = ?""",
                (rs, n) -> new ReportedBook(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6)), book).stream().findFirst();
    }
}
