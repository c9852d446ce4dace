package org.gongzhang.service.entry;

import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends to one book one at a time, across every node that shares the database: a write reads the
 * book's head, signs and appends while holding a PostgreSQL advisory lock on the book, released when
 * its transaction ends (the caller's, when there is one). So an entry the service signs is built on
 * the head it is appended to and is never refused for a race, and a client-signed entry is judged
 * against the real head: a 409 for a stale {@code prev} only when it really is stale. Writers to
 * other books do not wait.
 */
@Component
public class BookWrites {

    /** The first key of the two-key advisory lock: this service's appends (the second is the book's hash). */
    static final int LOCK_SPACE = 0x6C656467; // "ledg"

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    BookWrites(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Runs {@code write} in a transaction (or the caller's) that holds {@code book}'s append lock. */
    public <T> T serialized(String book, Supplier<T> write) {
        return transaction.execute(status -> {
            jdbc.query("select pg_advisory_xact_lock(?, hashtext(?))", rs -> null, LOCK_SPACE, book);
            return write.get();
        });
    }
}
