package org.gongzhang.service.entry;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A book's append lock, a PostgreSQL advisory lock held until the transaction ends, taken in the
 * same round trip as the reads its holder makes first: the book's lease ({@link BookLeases#ROW})
 * and, when asked, its head and the entry under a submission id ({@link LedgerIndex#SEEN}). The
 * statements go to the database together (pgjdbc sends them with one Sync) and run one after the
 * other, each on a snapshot taken as it starts, so the reads see everything committed before the
 * lock was granted. (A single statement that locked and read would read from before its wait.)
 */
final class BookLock {

    /** The first key of the two-key advisory lock: this service's appends (the second is the book's hash). */
    private static final int SPACE = 0x6C656467; // "ledg"

    private static final String LOCK = "select pg_advisory_xact_lock(?, hashtext(?))";
    /** A transaction's commit that does not wait for the disk, as a statement that returns a row. */
    private static final String ASYNCHRONOUS_COMMIT = "select set_config('synchronous_commit', 'off', true)";

    private BookLock() {
    }

    /** What the holder read right after the lock: the lease row, and (if asked) the head and earlier submission. */
    record Locked(Optional<BookLeases.Lease> lease, LedgerIndex.SeenRow seen) {
    }

    /** Takes {@code book}'s lock in the current transaction (no reads). */
    static void take(JdbcTemplate jdbc, String book) {
        jdbc.query(LOCK, rs -> null, SPACE, book);
    }

    /**
     * Takes {@code book}'s lock and reads its lease and, when {@code seen}, its head and the entry
     * submitted under {@code submission} (null: none, the head alone). {@code asynchronousCommit}
     * lets the transaction commit without waiting for the disk.
     */
    static Locked takeAndRead(JdbcTemplate jdbc, String book, boolean asynchronousCommit, boolean seen,
            String submission) {
        String sql = (asynchronousCommit ? ASYNCHRONOUS_COMMIT + ";\n" : "") + LOCK + ";\n"
                + BookLeases.ROW + (seen ? ";\n" + LedgerIndex.SEEN : "");
        Locked locked = jdbc.execute((ConnectionCallback<Locked>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int p = 1;
                statement.setInt(p++, SPACE);
                statement.setString(p++, book);
                statement.setString(p++, book);
                if (seen) {
                    statement.setString(p++, book);
                    statement.setString(p++, book);
                    statement.setString(p, submission);
                }
                statement.execute();
                // the results in order: the setting's, the lock's (both passed over), the lease row, the head
                ResultSet rows = statement.getResultSet();
                for (int passed = asynchronousCommit ? 2 : 1; passed > 0; passed--) {
                    rows = next(statement);
                }
                Optional<BookLeases.Lease> lease = BookLeases.lease(rows, book);
                return new Locked(lease, seen ? LedgerIndex.SeenRow.read(next(statement), book) : null);
            }
        });
        return Objects.requireNonNull(locked);
    }

    /** The next statement's rows. */
    private static ResultSet next(PreparedStatement statement) throws SQLException {
        if (!statement.getMoreResults()) {
            throw new IllegalStateException("a statement of the book lock's round trip returned no rows");
        }
        return statement.getResultSet();
    }
}
