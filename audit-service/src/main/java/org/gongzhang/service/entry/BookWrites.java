package org.gongzhang.service.entry;

import jakarta.annotation.PreDestroy;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.service.axon.BookCache;
import org.gongzhang.service.axon.HeldAppends;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.ConnectionCallback;
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
 * other books do not wait. A writer holding the book's lease ({@link BookLeases}) goes before
 * everyone else; the service's own entries wait for it, other signed entries are refused.
 *
 * <p>The append of a finished entry ({@link #append}, {@link #appendSigned}) outside a caller's
 * transaction goes through the group commit ({@link GroupCommit}): appends to different books that
 * arrive together share one transaction and one commit ({@code ledger.writes.group-commit.threads}
 * writers, 2 by default, each committing up to {@code ledger.writes.group-commit.max-entries}, 32,
 * appends at a time; {@code max-entries=1} commits every append alone). Each keeps its own book's
 * locks, checks and answers; an append the group cannot take is written alone as before.
 */
@Component
public class BookWrites {

    /** How long an append waits for a writer slot before it is answered 503 (service.busy). */
    static final Duration QUEUE_WAIT = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Semaphore writers;
    private final BookLeases leases;
    private final LedgerIndex index;
    /** Where appends of finished entries go to be committed together; null when each commits alone. */
    private final GroupCommit<BookLock.Locked> group;
    private final ObjectProvider<HeldAppends> heldAppends;
    private volatile HeldAppends held;

    BookWrites(JdbcTemplate jdbc, PlatformTransactionManager transactions, BookLeases leases, LedgerIndex index,
            BookCache cache, ObjectProvider<HeldAppends> heldAppends,
            @Value("${ledger.writes.concurrency:16}") int concurrency,
            @Value("${ledger.writes.group-commit.threads:2}") int groupWriters,
            @Value("${ledger.writes.group-commit.max-entries:32}") int groupMax) {
        this.index = index;
        this.writers = new Semaphore(concurrency, true);
        this.jdbc = jdbc;
        this.leases = leases;
        this.transaction = new TransactionTemplate(transactions);
        this.heldAppends = heldAppends;
        this.group = groupMax > 1 && groupWriters > 0
                ? new GroupCommit<>(transaction, this::lock, this::takeAndReadAll, cache::evict, this::transactionLost,
                        work -> held().together(work), groupWriters, groupMax)
                : null;
    }

    /** Where appends are held and sent together: the event store, looked up at its first use, not at every one. */
    private HeldAppends held() {
        HeldAppends held = this.held;
        if (held == null) {
            held = heldAppends.getObject();
            this.held = held;
        }
        return held;
    }

    /**
     * Runs {@code work}: appends to {@code book}, one after another in the caller's transaction, of
     * entries the service builds under submission ids of their own (a voucher import's chunk, a
     * month of the demo), so that together they cost the database a few round trips instead of two
     * each. The first append takes the book's lock and reads as any append does; each later one
     * reads nothing, its head being the one the append before it left
     * ({@link LedgerIndex#headInTransaction}, which {@code CustodialSigner} signs at) and its
     * submission id taken to be new; what they store is held and sent together, in parts of
     * {@link HeldAppends#SEND_AHEAD} while the next are built and the rest once {@code work} is
     * done. A submission id that was not new fails the part it is in (the ledger's unique key on
     * it), and with it the caller's transaction: nothing of {@code work} is stored.
     * {@code work} appends to no other book: what it stored would be held too, unseen by the next
     * append's read.
     */
    public void appendTogether(String book, Runnable work) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("appends to " + book + " together need the caller's transaction");
        }
        Together together = new Together(this, book);
        if (TransactionSynchronizationManager.hasResource(together)) {
            work.run();
            return;
        }
        TransactionSynchronizationManager.bindResource(together, new Carried());
        try {
            held().together(work);
        } finally {
            TransactionSynchronizationManager.unbindResource(together);
        }
    }

    /** The key of {@link #appendTogether}'s state for one book in the current transaction. */
    private record Together(BookWrites writes, String book) {
    }

    /** What the first append of {@link #appendTogether} read for the next ones: the book's lease row. */
    private static final class Carried {
        Optional<BookLeases.Lease> lease;
    }

    /**
     * The book's lock taken (this transaction holds it by now) and what an append checks read from
     * the database; inside {@link #appendTogether}, after its first append, carried from there instead.
     */
    private BookLock.Locked lockedInTransaction(String book, boolean reads, String submission) {
        Carried carried = (Carried) TransactionSynchronizationManager.getResource(new Together(this, book));
        if (carried != null && carried.lease != null) {
            if (!reads) {
                // the lock is this transaction's already (a service-built entry's wait for its turn,
                // CustodialSigner#submit): taken again it would cost a round trip for nothing
                return new BookLock.Locked(carried.lease, null);
            }
            Optional<BookHead> head = index.headInTransaction(book);
            if (head.isPresent()) {
                return new BookLock.Locked(carried.lease, new LedgerIndex.SeenRow(head, -1, null));
            }
        }
        BookLock.Locked locked = BookLock.takeAndRead(jdbc, book, reads, submission);
        if (carried != null) {
            carried.lease = locked.lease();
        }
        return locked;
    }

    /** Stops the group commit's writers; what is queued then is written alone. */
    @PreDestroy
    void close() {
        if (group != null) {
            group.close();
        }
    }

    /** The group commit, or null when every append commits alone ({@code ledger.writes.group-commit.max-entries=1}). */
    GroupCommit<BookLock.Locked> groupCommit() {
        return group;
    }

    /** The group's books locked and read in one round trip ({@link BookLock#takeAndReadAll}). */
    private List<BookLock.Locked> takeAndReadAll(List<GroupCommit.Claim> claims) {
        return BookLock.takeAndReadAll(jdbc, claims.stream().map(GroupCommit.Claim::book).toList(),
                claims.stream().map(GroupCommit.Claim::read).toList());
    }

    /**
     * Whether the current transaction's connection is no longer in the open database transaction the
     * group's statements went into: failed by a statement, or rolled back under Spring's transaction
     * (as Axon's own connection wrapper did when a unit of work failed, before
     * {@code TransactionBoundConnections} left the end of a transaction to Spring). The driver's own
     * state of the connection: no round trip.
     */
    private boolean transactionLost() {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection ->
                connection.unwrap(BaseConnection.class).getTransactionState() != TransactionState.OPEN));
    }

    /** What the group commit did since the start (all zero when it is off): for benchmarks and operators. */
    public GroupCommit.Counts groupCounts() {
        return group == null ? new GroupCommit.Counts(0, 0, 0) : group.counts();
    }

    /**
     * Runs {@code write}, an append of entries the service builds, in a transaction (or the
     * caller's) that holds {@code book}'s append lock. Writers of this node queue on a lock of
     * their own first, without a database connection, so that many writers to one book do not take
     * every pooled connection while they wait. Inside a caller's transaction the node's lock is
     * kept, like the advisory lock, until that transaction ends: a second append to the same book
     * in it must not find another writer between the two. While another writer holds the book's
     * lease ({@link BookLeases}) it waits for that writer's entry first.
     */
    public <T> T serialized(String book, Supplier<T> write) {
        return serialized(book, null, null, false, false, null, seen -> write.get());
    }

    /**
     * Runs {@code write}, the append of an entry the service built, submitted under
     * {@code submission}, like {@link #serialized}; the write is given what the append checks
     * first ({@link LedgerIndex.Seen}: the book's head, the entry submitted under the same id),
     * read in the same round trip as the lock.
     */
    public <T> T append(String book, String submission, Function<LedgerIndex.Seen, T> write) {
        return serialized(book, null, null, false, true, submission, write);
    }

    /**
     * Runs {@code write}, the append of an entry its writer signed with key {@code signer} and
     * submitted under {@code submission}, like {@link #append} but refused with 409
     * {@code book.lease.held} while another writer holds the book's lease; the lease's holder (who
     * presents it as {@code lease}, or signs with the key it was granted to) uses it up.
     */
    public <T> T appendSigned(String book, String lease, String signer, String submission,
            Function<LedgerIndex.Seen, T> write) {
        return serialized(book, lease, signer, true, true, submission, write);
    }

    private <T> T serialized(String book, String lease, String signer, boolean signed, boolean reads, String submission,
            Function<LedgerIndex.Seen, T> write) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            if (!lock(book).isHeldByCurrentThread() && !signed) {
                // before this transaction takes the book: a lease taken before it goes first
                AutoCloseable waiting = leases.serviceWaits(book);
                try {
                    leases.awaitFree(book, System.nanoTime() + QUEUE_WAIT.toNanos());
                } finally {
                    close(waiting);
                }
            }
            holdUntilCompletion(book);
            BookLock.Locked locked = lockedInTransaction(book, reads, submission);
            // a lease granted between the wait and the lock is overridden here: this transaction
            // already holds the book, and its holder's entry will be judged at the new head (409)
            return gated(book, lease, signer, signed, false, locked, write).orElseThrow().value();
        }
        long until = System.nanoTime() + QUEUE_WAIT.toNanos();
        AutoCloseable waiting = null;
        try {
            while (true) {
                Optional<Done<T>> done = reads && group != null
                        ? grouped(book, lease, signer, signed, submission, write)
                        : attempt(book, lease, signer, signed, reads, submission, write);
                if (done.isPresent()) {
                    return done.get().value();
                }
                if (waiting == null) {
                    waiting = leases.serviceWaits(book);
                }
                leases.awaitFree(book, until);
            }
        } finally {
            close(waiting);
        }
    }

    /** One try under the locks: empty when another writer's lease holds the book (nothing written). */
    private <T> Optional<Done<T>> attempt(String book, String lease, String signer, boolean signed, boolean reads,
            String submission, Function<LedgerIndex.Seen, T> write) {
        admit();
        try {
            ReentrantLock local = lock(book);
            acquire(local);
            try {
                return transaction.execute(status -> {
                    BookLock.Locked locked = BookLock.takeAndRead(jdbc, book, reads, submission);
                    leases.handOffAtCommit(book);
                    return gated(book, lease, signer, signed, true, locked, write);
                });
            } finally {
                local.unlock();
            }
        } finally {
            writers.release();
        }
    }

    /**
     * One try through the group commit: the append of a finished entry, written with other books'
     * appends in one transaction ({@link GroupCommit}), or alone ({@link #attempt}) when the group
     * could not take it or was rolled back.
     */
    private <T> Optional<Done<T>> grouped(String book, String lease, String signer, boolean signed, String submission,
            Function<LedgerIndex.Seen, T> write) {
        GroupCommit.Answer<Done<T>> answer = group.append(book, submission, locked -> {
            leases.handOffAtCommit(book);
            return gated(book, lease, signer, signed, true, locked, write);
        }, QUEUE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        return switch (answer.outcome()) {
            case WRITTEN -> answer.value();
            case WAIT -> Optional.empty();
            case REFUSED -> throw answer.refusal();
            case ALONE -> attempt(book, lease, signer, signed, true, submission, write);
        };
    }

    /**
     * The write, as the book's lease allows, under its append lock. While another writer holds the
     * lease, a signed entry is refused, and the service's own write is not done (empty) when it
     * {@code mayWait} (its caller then waits for the lease to end); inside a caller's transaction,
     * which cannot let go of the book, it goes ahead.
     */
    private <T> Optional<Done<T>> gated(String book, String lease, String signer, boolean signed, boolean mayWait,
            BookLock.Locked locked, Function<LedgerIndex.Seen, T> write) {
        BookLeases.Check check = leases.check(locked.lease(), lease, signer);
        if (check.gate() == BookLeases.Gate.HELD) {
            if (signed) {
                throw new LedgerRefusal(Kind.CONFLICT, "book.lease.held", "lease", check.lease().expiresAt().toString());
            }
            if (mayWait) {
                return Optional.empty();
            }
        }
        LedgerIndex.Seen seen = locked.seen() == null ? null : index.seen(book, locked.seen());
        T value = write.apply(seen);
        if (check.gate() == BookLeases.Gate.MINE && (seen == null || seen.submitted().isEmpty())) {
            // a replayed submission appends nothing: the holder's lease stays for the entry it is for
            leases.consume(book, check.lease().id());
        }
        return Optional.of(new Done<>(value));
    }

    /** A write's result, which may be null. */
    private record Done<T>(T value) {
    }

    private static void close(AutoCloseable waiting) {
        if (waiting != null) {
            try {
                waiting.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Whether the current thread holds {@code book} already (a transaction that appended to it and
     * has not ended): it must not wait for the book's lease, which could only be granted after it ends.
     */
    public boolean holds(String book) {
        ReentrantLock local = locks.get(book);
        return local != null && local.isHeldByCurrentThread();
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
        leases.handOffAtCommit(book);
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
