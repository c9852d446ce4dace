package org.gongzhang.service.entry;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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

    /** How long an append waits for a writer slot before it is answered 503 (service.busy). */
    static final Duration QUEUE_WAIT = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Semaphore writers;

    BookWrites(JdbcTemplate jdbc, PlatformTransactionManager transactions,
            @Value("${ledger.writes.concurrency:16}") int concurrency) {
        this.writers = new Semaphore(concurrency, true);
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Runs {@code write} in a transaction (or the caller's) that holds {@code book}'s append lock.
     * Writers of this node queue on a lock of their own first, without a database connection, so
     * that many writers to one book do not take every pooled connection while they wait. Inside a
     * caller's transaction the node's lock is kept, like the advisory lock, until that transaction
     * ends: a second append to the same book in it must not find another writer between the two.
     */
    public <T> T serialized(String book, Supplier<T> write) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            holdUntilCompletion(book);
            jdbc.query("select pg_advisory_xact_lock(?, hashtext(?))", rs -> null, LOCK_SPACE, book);
            return write.get();
        }
        admit();
        try {
            ReentrantLock local = lock(book);
            acquire(local);
            try {
                return transaction.execute(status -> {
                    jdbc.query("select pg_advisory_xact_lock(?, hashtext(?))", rs -> null, LOCK_SPACE, book);
                    return write.get();
                });
            } finally {
                local.unlock();
            }
        } finally {
            writers.release();
        }
    }

    private ReentrantLock lock(String book) {
        return locks.computeIfAbsent(book, b -> new ReentrantLock(true));
    }

    /** The node's lock on {@code book}, released when the current transaction completes. */
    private void holdUntilCompletion(String book) {
        ReentrantLock local = lock(book);
        if (local.isHeldByCurrentThread()) {
            return; // taken earlier in this transaction, or by the serialized call that opened it
        }
        acquire(local);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                local.unlock();
            }
        });
    }

    private static void acquire(ReentrantLock local) {
        try {
            if (!local.tryLock(QUEUE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy("the book's writers stayed busy for " + QUEUE_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy("interrupted while queued to write");
        }
    }

    private static CannotGetJdbcConnectionException busy(String why) {
        return new CannotGetJdbcConnectionException(why, new SQLTransientConnectionException(why));
    }

    /**
     * At most {@code ledger.writes.concurrency} appends hold a database connection at once; the
     * others queue here, where waiting costs no connection, for up to {@link #QUEUE_WAIT}. Without
     * this, a burst of writers took every pooled connection and the rest timed out in the pool.
     */
    private void admit() {
        try {
            if (!writers.tryAcquire(QUEUE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy("every writer slot stayed busy for " + QUEUE_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy("interrupted while queued to write");
        }
    }
}
