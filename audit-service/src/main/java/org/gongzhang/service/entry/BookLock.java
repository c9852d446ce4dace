package org.gongzhang.service.entry;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A book's append lock, a PostgreSQL advisory lock held until the transaction ends, taken in the
 * same round trip as the reads its holder makes first: the book's lease ({@link BookLeases#ROW})
 * and, when asked, its head and the entry under a submission id ({@link LedgerIndex#SEEN}), or the
 * grant of the book's lease ({@link BookLeases}). The
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
     * submitted under {@code submission} (null: none, the head alone).
     */
    static Locked takeAndRead(JdbcTemplate jdbc, String book, boolean seen, String submission) {
        if (seen) {
            return takeAndReadAll(jdbc, List.of(book), Collections.singletonList(submission)).get(0);
        }
        return takeThen(jdbc, book, false,
                new Then<>(null, (statement, first) -> { }, (lease, rows) -> new Locked(lease, null)));
    }

    /**
     * Takes the locks of {@code books}, in the order given, each followed by its lease row, its head
     * and the entry under its submission id (the one at the same position of {@code submissions},
     * null: none), all in one round trip: one book's append, or a group commit's books
     * ({@link GroupCommit}). Each read runs after its own book's lock is granted, on a snapshot of its own.
     */
    static List<Locked> takeAndReadAll(JdbcTemplate jdbc, List<String> books, List<String> submissions) {
        String one = LOCK + ";\n" + BookLeases.ROW + ";\n" + LedgerIndex.SEEN;
        String sql = String.join(";\n", Collections.nCopies(books.size(), one));
        List<Locked> answer = jdbc.execute((ConnectionCallback<List<Locked>>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int parameter = 1;
                for (int i = 0; i < books.size(); i++) {
                    String book = books.get(i);
                    statement.setInt(parameter++, SPACE);
                    statement.setString(parameter++, book);
                    statement.setString(parameter++, book);
                    statement.setString(parameter++, book);
                    statement.setString(parameter++, book);
                    statement.setString(parameter++, submissions.get(i));
                }
                statement.execute();
                List<Locked> locked = new ArrayList<>(books.size());
                for (int i = 0; i < books.size(); i++) {
                    if (i > 0) {
                        next(statement); // the lock's row, passed over
                    }
                    Optional<BookLeases.Lease> lease = BookLeases.lease(next(statement), books.get(i));
                    locked.add(new Locked(lease, LedgerIndex.SeenRow.read(next(statement), books.get(i))));
                }
                return locked;
            }
        });
        return Objects.requireNonNull(answer);
    }

    /**
     * A statement run after the lease row, in the lock's round trip: its text (null: none, and its
     * rows are null), how its parameters are set (the first at the index given) and what its rows
     * say, with the lease row read just before it.
     */
    record Then<T>(String sql, Parameters parameters, Rows<T> rows) {
    }

    interface Parameters {
        void set(PreparedStatement statement, int first) throws SQLException;
    }

    interface Rows<T> {
        T read(Optional<BookLeases.Lease> lease, ResultSet rows) throws SQLException;
    }

    /**
     * Takes {@code book}'s lock, reads its lease row and runs {@code then}, all in one round trip.
     * {@code asynchronousCommit} lets the transaction commit without waiting for the disk.
     */
    static <T> T takeThen(JdbcTemplate jdbc, String book, boolean asynchronousCommit, Then<T> then) {
        String sql = (asynchronousCommit ? ASYNCHRONOUS_COMMIT + ";\n" : "") + LOCK + ";\n"
                + BookLeases.ROW + (then.sql() != null ? ";\n" + then.sql() : "");
        T answer = jdbc.execute((ConnectionCallback<T>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setInt(1, SPACE);
                statement.setString(2, book);
                statement.setString(3, book);
                then.parameters().set(statement, 4);
                statement.execute();
                // the results in order: the setting's, the lock's (both passed over), the lease row, then's
                ResultSet rows = statement.getResultSet();
                for (int passed = asynchronousCommit ? 2 : 1; passed > 0; passed--) {
                    rows = next(statement);
                }
                Optional<BookLeases.Lease> lease = BookLeases.lease(rows, book);
                return then.rows().read(lease, then.sql() == null ? null : next(statement));
            }
        });
        return Objects.requireNonNull(answer);
    }

    /** The next statement's rows. */
    private static ResultSet next(PreparedStatement statement) throws SQLException {
        if (!statement.getMoreResults()) {
            throw new IllegalStateException("a statement of the book lock's round trip returned no rows");
        }
        return statement.getResultSet();
    }
}
