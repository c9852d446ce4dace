package org.gongzhang.service.disclosure;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the statement index and the content-addressed statement texts. */
@Component
public class StatementVersions {

    private static final String COLUMNS = """
            statement_id, book_id, period_from, period_to, version, corrects, reason, content_sha256, tree_size, root,
            drafted_index, drafted_by, drafted_at, status, signed_index, signed_by, signed_at, published_index,
            posting_from, posting_until, superseded_by""";

    private final JdbcTemplate jdbc;

    StatementVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StatementVersion> find(String book, String statementId) {
        return jdbc.query("select " + COLUMNS + " from statement_version where book_id = ? and statement_id = ?",
                StatementVersions::row, book, statementId).stream().findFirst();
    }

    /** Every version of the book, newest period first, then newest version first. */
    public List<StatementVersion> all(String book) {
        return jdbc.query("select " + COLUMNS + " from statement_version where book_id = ? "
                + "order by period_to desc, period_from desc, version desc", StatementVersions::row, book);
    }

    /** Every version of each of {@code books} in one query, grouped by book, each in {@link #all}'s order. */
    public Map<String, List<StatementVersion>> all(Collection<String> books) {
        Map<String, List<StatementVersion>> byBook = new HashMap<>();
        jdbc.query("select " + COLUMNS + " from statement_version where book_id = any (?) "
                + "order by book_id, period_to desc, period_from desc, version desc", rs -> {
                    StatementVersion version = row(rs, 0);
                    byBook.computeIfAbsent(version.book(), b -> new ArrayList<>()).add(version);
                }, (Object) books.toArray(String[]::new));
        return byBook;
    }

    public List<StatementVersion> published(String book) {
        return all(book).stream().filter(StatementVersion::published).toList();
    }

    public Optional<String> content(String sha256) {
        return jdbc.queryForList("select content from statement_content where content_sha256 = ?", String.class, sha256)
                .stream().findFirst();
    }

    void stage(String sha256, String content, java.time.Instant now) {
        jdbc.update("insert into statement_content (content_sha256, content, created_at) values (?, ?, ?) on conflict do nothing",
                sha256, content, java.sql.Timestamp.from(now));
    }

    private static StatementVersion row(ResultSet rs, int n) throws SQLException {
        return new StatementVersion(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9), rs.getString(10), rs.getLong(11),
                rs.getString(12), date(rs.getDate(13)), rs.getString(14), (Long) rs.getObject(15), rs.getString(16),
                date(rs.getDate(17)), (Long) rs.getObject(18), date(rs.getDate(19)), date(rs.getDate(20)),
                rs.getString(21));
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
