package org.gongzhang.service.log;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Books an independent witness caught showing a split view (分叉视图): the log key signed a
 * checkpoint that does not extend one the witness cosigned before (a rewritten, truncated or forked
 * history). Such a book is marked for good: {@link Checkpoints} signs nothing further for it, and
 * nothing more is sent to its witnesses, until people have looked at the evidence.
 */
@Component
public class SplitViews {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SplitViews(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * One witness's refusal.
     *
     * @param book    the book
     * @param witness the witness's key name
     * @param size    the size of the refused checkpoint
     * @param status  the witness's HTTP status (422 proof failed, 400 smaller than what it cosigned)
     * @param answer  what the witness answered
     * @param request the add-checkpoint request it refused (old size, proof, checkpoint)
     * @param at      when the service received the refusal
     */
    public record Refusal(String book, String witness, long size, int status, String answer, String request, Instant at) {
    }

    /** Marks the book with the refusal. */
    public void record(String book, String witness, long size, int status, String answer, String request) {
        jdbc.update("""
                insert into split_view (book_id, witness_name, tree_size, status, answer, request, refused_at)
                values (?, ?, ?, ?, ?, ?, ?)""", book, witness, size, status, answer, request,
                Timestamp.from(clock.instant()));
    }

    public boolean isMarked(String book) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from split_view where book_id = ?)",
                Boolean.class, book));
    }

    /** True when {@code witness} refused a checkpoint of the book already. */
    public boolean refusedBy(String book, String witness) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from split_view where book_id = ? and witness_name = ?)", Boolean.class,
                book, witness));
    }

    /** Every refusal, oldest first. */
    public List<Refusal> all() {
        return jdbc.query("""
                select book_id, witness_name, tree_size, status, answer, request, refused_at
                from split_view order by id""",
                (rs, n) -> new Refusal(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getString(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant()));
    }

    /** Refuses to go on with a marked book. */
    void requireNone(String book) {
        if (isMarked(book)) {
            throw new SplitViewDetected(book);
        }
    }

    /** A witness refused a checkpoint of this book as a split view; the log signs nothing more for it. */
    public static final class SplitViewDetected extends RuntimeException {
        SplitViewDetected(String book) {
            super("book " + book + ": an independent witness refused a checkpoint as a split view;"
                    + " no further checkpoint is signed for it");
        }
    }
}
