package org.gongzhang.service.entry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.service.axon.HeldAppends;
import org.gongzhang.service.axon.RowsWithEvents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A book's head, held for one writer for a few seconds (租约). A client that signs its own entries
 * cannot know the index and {@code prev} of its entry before it signs, and two clients that read
 * the same head both sign at it: one is appended, the other refused as stale, and on a busy book
 * most are refused. A lease ends the race: the service hands out the next index and {@code prev}
 * to one writer at a time, in the order they asked, and appends nothing else to the book until
 * that writer's entry arrives, the writer releases the lease, or it expires
 * ({@code ledger.writes.lease-ttl}, 5 s by default).
 *
 * <p>The lease is a row of {@code book_lease}, so every service node sharing the database honours
 * it; it is granted and checked under the book's append lock ({@link BookWrites}). Waiting writers
 * queue on the node they asked; the append that uses a lease hands the next lease to the first
 * writer queued on that node in the same transaction (in a group commit by a statement sent with
 * the append's own, so the hand-over adds no round trip), so a queue of writers on one book goes at
 * the speed of one writer. Writers queued on other nodes find the book free within
 * {@link #POLL}; while they wait, the first of them reads the lease row without the book's lock,
 * and once kept waiting {@link #WANT_AFTER} marks it as wanted by its node: the node holding the
 * lease then lets it go at its next hand-over instead of handing it to its own queue, and keeps it
 * for the wanting node for {@link #WANTED_GRACE} ({@link #letGo}), so nodes take the book in turns. Entries the service builds itself wait for a lease to end and go first (they
 * hold no request open for a person); a client-signed entry posted without the lease while another
 * writer holds it is refused ({@code book.lease.held}).
 */
@Component
public class BookLeases {

    /** How often a queued writer looks again at a book whose lease it did not see end on this node. */
    static final Duration POLL = Duration.ofMillis(20);

    /** The longest a writer may ask to wait for a lease. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(30);

    /**
     * How long a queue's first writer waits for the lease before it marks the lease row as wanted by
     * its node ({@link #want}): a hand-over on the node that holds it takes a few milliseconds, so a
     * lease that stays away this long is held by a slow writer or kept by another node's queue.
     */
    static final Duration WANT_AFTER = Duration.ofMillis(100);

    /** How long a lease let go for another node's writer is kept for that node before anyone may take it. */
    static final Duration WANTED_GRACE = Duration.ofSeconds(1);

    /** A granted lease: sign the entry at {@code index} citing {@code prev}, before {@code expiresAt}. */
    public record Lease(String id, String book, String holder, long index, String prev, Instant expiresAt) {

        /** The lease as the API answers it: {@code {"lease", "book", "index", "prev", "expiresAt"}}. */
        public Map<String, Object> view() {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("lease", id);
            view.put("book", book);
            view.put("index", index);
            view.put("prev", prev);
            view.put("expiresAt", expiresAt.toString());
            return view;
        }
    }

    /** What an append finds: no lease, the lease it presented, or another writer's. */
    enum Gate { FREE, MINE, HELD }

    record Check(Gate gate, Lease lease) {
    }

    private final JdbcTemplate jdbc;
    /** This node, as it marks a lease row it wants ({@code wanted_by}). */
    private final String node = UUID.randomUUID().toString();
    private final ObjectProvider<HeldAppends> heldAppends;
    private volatile HeldAppends held;
    private final TransactionTemplate own;
    private final Clock clock;
    private final Duration ttl;
    /** Per book, the writers queued on this node for its lease, first come first served. */
    private final Map<String, Deque<Waiter>> queues = new ConcurrentHashMap<>();
    /** Leases handed to the next writer by a statement sent with the append that used the last one. */
    private final LongAdder handedWithTheAppend = new LongAdder();
    /** Per book, how many entries the service builds are waiting on this node for a lease to end. */
    private final Map<String, AtomicInteger> serviceWaiting = new ConcurrentHashMap<>();

    BookLeases(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
            ObjectProvider<HeldAppends> heldAppends, @Value("${ledger.writes.lease-ttl:PT5S}") Duration ttl) {
        this.heldAppends = heldAppends;
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = ttl;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public Duration ttl() {
        return ttl;
    }

    /** How many leases were handed on with the append that used the last one, since the start (for tests and benchmarks). */
    long handedOnWithTheAppend() {
        return handedWithTheAppend.sum();
    }

    /** The event store's held appends, looked up at the first hand-over (it is built after this). */
    private HeldAppends held() {
        HeldAppends found = held;
        if (found == null) {
            found = heldAppends.getObject();
            held = found;
        }
        return found;
    }

    private static final class Waiter {
        private static final int WAITING = 0;
        private static final int GRANTED = 1;
        private static final int GONE = 2;

        final String holder;
        private final AtomicInteger state = new AtomicInteger(WAITING);
        private volatile Lease lease;
        /** Counted down once granted: a timed wait on it ends without an exception. */
        private final CountDownLatch done = new CountDownLatch(1);

        Waiter(String holder) {
            this.holder = holder;
        }

        boolean waiting() {
            return state.get() == WAITING;
        }

        /** Hands the lease to this writer; false if it left the queue first (then nobody will use it). */
        boolean grant(Lease granted) {
            lease = granted;
            if (!state.compareAndSet(WAITING, GRANTED)) {
                return false;
            }
            done.countDown();
            return true;
        }

        /** Leaves the queue without a lease; false if one was handed to it just before (it is in {@link #granted}). */
        boolean leave() {
            return state.compareAndSet(WAITING, GONE);
        }

        Lease granted() {
            return lease;
        }

        /**
         * The lease handed to this writer, waiting up to {@code nanos} for it; null when none came.
         * (A timed {@code CompletableFuture.get} answers its timeout with an exception, and queued
         * writers time out every {@link #POLL}: with 32 writers on a book, 1,600 stack traces a second.)
         */
        Lease await(long nanos) throws InterruptedException {
            return done.await(nanos, TimeUnit.NANOSECONDS) ? lease : null;
        }
    }

    /**
     * The book's lease for {@code holder}, once every writer queued before it on this node had its
     * turn: waits up to {@code wait}, then refuses with {@link LeaseBusy}. Each request is a turn of
     * its own, also when the same key asks twice (a person's scripts on two machines).
     */
    public Lease take(String book, String holder, Duration wait) {
        long deadline = System.nanoTime() + Math.min(wait.toNanos(), MAX_WAIT.toNanos());
        Waiter me = new Waiter(holder);
        Deque<Waiter> queue = queue(book);
        queue.addLast(me);
        boolean taken = false;
        boolean arriving = true;
        long firstSince = 0;
        boolean wanted = false;
        try {
            while (true) {
                // a writer first in the queue as it arrives tries the grant at once (alone on its
                // book, it gets the lease in one go); every later look reads the lease row first and
                // takes the book's lock only when no live lease is in it: a queue's first writer looks
                // every POLL, and a locked grant that fails makes the holder's append wait on the lock
                if (queue.peekFirst() == me && waitingService(book) == 0) {
                    firstSince = firstSince == 0 ? System.nanoTime() : firstSince;
                    if (arriving || mayBeFree(book)) {
                        Optional<Lease> lease = tryGrant(book, holder);
                        if (lease.isPresent()) {
                            taken = true;
                            return lease.get();
                        }
                    } else if (!wanted && System.nanoTime() - firstSince >= WANT_AFTER.toNanos()) {
                        // the lease stays away: another node's queue may keep it; ask it to let go
                        wanted = want(book);
                    }
                }
                arriving = false;
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new LeaseBusy(book, row(book).map(Lease::expiresAt).orElse(null));
                }
                try {
                    Lease lease = me.await(Math.min(left, POLL.toNanos()));
                    if (lease != null) {
                        taken = true;
                        return lease;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LeaseBusy(book, null);
                }
            }
        } finally {
            queue.remove(me);
            if (!taken && !me.leave()) {
                // handed over just as this writer gave up: let the next one have it
                release(book, me.granted().id());
            }
            if (wanted && !taken) {
                jdbc.update(UNWANT, book, node);
            }
        }
    }

    /** Ends a lease before it expires (its holder will not sign after all). False if it was not the book's lease. */
    public boolean release(String book, String leaseId) {
        Boolean released = own.execute(status -> {
            BookLock.take(jdbc, book);
            boolean ended = letGo(book, leaseId);
            if (ended) {
                handOffAtCommit(book);
            }
            return ended;
        });
        return Boolean.TRUE.equals(released);
    }

    /**
     * The book's lease as a writer finds it under the book's append lock ({@code lease}, the book's
     * {@link #ROW} read after the lock): the writer presented {@code presented} (a lease id, or null)
     * and signs with key {@code signer} (null for the service's own writes). A lease is its
     * holder's whether or not they present it.
     */
    Check check(Optional<Lease> lease, String presented, String signer) {
        if (lease.isEmpty()) {
            return new Check(Gate.FREE, null);
        }
        if (lease.get().id().equals(presented) || lease.get().holder().equals(signer)) {
            return new Check(Gate.MINE, lease.get());
        }
        return live(lease.get()) ? new Check(Gate.HELD, lease.get()) : new Check(Gate.FREE, null);
    }

    /**
     * The lease {@code leaseId} was used: the entry it was for is appended in the current
     * transaction. Its row goes when the transaction commits, replaced by the next queued writer's
     * lease in the same statement ({@link #handOffAtCommit}), or deleted when nobody is queued here.
     */
    void consume(String book, String leaseId) {
        HandOff handOff = (HandOff) TransactionSynchronizationManager.getResource(new HandOffKey(this, book));
        if (handOff == null) {
            letGo(book, leaseId);
        } else {
            handOff.consumed = leaseId;
            handOff.decideWithTheAppend();
        }
    }

    /**
     * When the current transaction commits, the book's next lease goes to the first writer queued
     * here, at the head this transaction leaves (decided just before the commit, under the book's
     * append lock, and given to the writer once committed).
     */
    void handOffAtCommit(String book) {
        HandOffKey key = new HandOffKey(this, book);
        if (TransactionSynchronizationManager.hasResource(key)) {
            return;
        }
        HandOff handOff = new HandOff(book);
        TransactionSynchronizationManager.bindResource(key, handOff);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                handOff.decide();
            }

            @Override
            public void afterCommit() {
                handOff.give();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
    }

    /** The key of a transaction's {@link HandOff} of one book. */
    private record HandOffKey(BookLeases leases, String book) {
    }

    /** A transaction's hand-over of one book's lease. */
    private final class HandOff {
        private final String book;
        /** The lease the transaction used (its row still there), or null. */
        private String consumed;
        private Waiter next;
        private Lease lease;
        /** The next lease was granted with the append's own statements ({@link #decideWithTheAppend}). */
        private boolean decided;

        HandOff(String book) {
            this.book = book;
        }

        /**
         * Right after the append that used the lease, when a writer is queued and the append's
         * statements are being held to be sent together (a group commit, {@link HeldAppends}): the
         * next writer's lease is granted by a statement sent with them, after the book's log row has
         * moved on, so the hand-over costs no round trip of its own before the commit. Otherwise it
         * is decided just before the commit ({@link #decide}).
         */
        void decideWithTheAppend() {
            Waiter first = nextWaiting(book);
            if (first == null) {
                return;
            }
            Grant grant = new Grant(book, first.holder, consumed);
            if (held().alsoSend(grant.sentWithTheAppend(granted -> lease = granted))) {
                next = first;
                decided = true;
            }
        }

        /**
         * Before the commit, under the book's append lock: the next lease (unless it went with the
         * append), or the used one let go ({@link #letGo}) when it was not handed on.
         */
        void decide() {
            if (!decided) {
                Waiter first = nextWaiting(book);
                if (first != null) {
                    next = first;
                    lease = grantAtHead(book, first.holder, consumed).orElse(null);
                }
            }
            if (lease == null && consumed != null) {
                // nobody queued here, or a writer on another node wants the book: the used lease goes
                letGo(book, consumed);
            }
        }

        /** Once committed: the lease to its writer. */
        void give() {
            if (next == null || lease == null) {
                return;
            }
            if (!next.grant(lease)) {
                // the writer gave up between the decision and the commit: the next one has it now
                release(book, lease.id());
            } else if (decided) {
                handedWithTheAppend.increment();
            }
        }
    }

    /**
     * Waits, as an entry the service builds, until the book has no live lease (up to {@code until},
     * a {@link System#nanoTime()}); while it waits, this node grants the book's lease to nobody.
     */
    void awaitFree(String book, long until) {
        while (row(book).filter(this::live).isPresent()) {
            if (System.nanoTime() >= until) {
                throw new LeaseBusy(book, row(book).map(Lease::expiresAt).orElse(null));
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LeaseBusy(book, null);
            }
        }
    }

    /**
     * The writer queued first on this node for {@code book}'s lease, who gets it at a hand-over; null
     * when nobody waits here (or that writer is leaving) or an entry the service builds goes first.
     */
    private Waiter nextWaiting(String book) {
        Deque<Waiter> queue = queues.get(book);
        Waiter first = queue == null ? null : queue.peekFirst();
        return first == null || !first.waiting() || waitingService(book) > 0 ? null : first;
    }

    /** Counts an entry the service builds as waiting on {@code book} (leases wait for it); close to stop. */
    AutoCloseable serviceWaits(String book) {
        AtomicInteger waiting = serviceWaiting.computeIfAbsent(book, b -> new AtomicInteger());
        waiting.incrementAndGet();
        return waiting::decrementAndGet;
    }

    private int waitingService(String book) {
        AtomicInteger waiting = serviceWaiting.get(book);
        return waiting == null ? 0 : waiting.get();
    }

    /**
     * Marks the book's lease row as wanted by this node, unless another node marked it first: the
     * node holding the lease lets it go at its next hand-over instead of handing it to its own queue.
     * True if marked (nothing to mark when the book has no lease row: it is free).
     */
    private boolean want(String book) {
        return jdbc.update(WANT, node, Timestamp.from(clock.instant()), book) == 1;
    }

    /**
     * Ends lease {@code leaseId} of {@code book}: its row is deleted, or, when a writer on another
     * node wants the book, expired in place so that the mark stays and the wanting node takes it
     * first. False if it was not the book's lease.
     */
    private boolean letGo(String book, String leaseId) {
        Timestamp now = Timestamp.from(clock.instant());
        Integer ended = jdbc.queryForObject(LET_GO, Integer.class, book, leaseId, node, now, now, book, leaseId, node);
        return ended != null && ended == 1;
    }

    /** Whether the book's lease row holds no live lease (read without the book's lock, so it may be gone by the grant). */
    private boolean mayBeFree(String book) {
        return row(book).filter(this::live).isEmpty();
    }

    private Deque<Waiter> queue(String book) {
        return queues.computeIfAbsent(book, b -> new ConcurrentLinkedDeque<>());
    }

    /**
     * Grants the lease if the book has none live, in a transaction of its own under the book's
     * append lock, taken in the same round trip as the grant. Nothing is lost if its commit is not
     * yet on disk when the service stops: a lease the database forgot only lets its holder's entry
     * be judged like any other, so the commit does not wait for the disk.
     */
    private Optional<Lease> tryGrant(String book, String holder) {
        Grant grant = new Grant(book, holder, null);
        return own.execute(status -> BookLock.takeThen(jdbc, book, true, new BookLock.Then<>(Grant.SQL, grant::bind,
                (lease, rows) -> {
                    Optional<Lease> granted = grant.read(rows);
                    if (granted.isEmpty() && lease.isEmpty()) {
                        // no lease row stood in the way (a grant makes one only for a book with a log
                        // row): the book has no log row
                        throw new LedgerRefusal(Kind.NOT_FOUND, "book.not-found", "book", book);
                    }
                    return granted;
                })));
    }

    /**
     * Grants the book's lease to {@code holder} at the head in its log row: over a lease that has
     * expired or is {@code replaced} (the one just used, or null), never over another writer's live
     * lease (then empty). Run under the book's append lock.
     */
    private Optional<Lease> grantAtHead(String book, String holder, String replaced) {
        Grant grant = new Grant(book, holder, replaced);
        return jdbc.query(Grant.SQL, statement -> grant.bind(statement, 1),
                (ResultSetExtractor<Optional<Lease>>) grant::read);
    }

    /** One grant of a book's lease, as one statement: the lease row set at the head in {@code book_log}. */
    private final class Grant {

        /**
         * Over an expired lease or the one {@code replaced}, unless another node wants the book (then
         * only once the lease is expired and the mark a moment old); the grant clears the mark.
         */
        static final String SQL = """
                insert into book_lease as b (book_id, lease_id, holder, entry_index, prev, expires_at)
                select l.book_id, ?, ?, l.tree_size, l.head_hash, ? from book_log l where l.book_id = ?
                on conflict (book_id) do update set lease_id = excluded.lease_id, holder = excluded.holder,
                    entry_index = excluded.entry_index, prev = excluded.prev, expires_at = excluded.expires_at,
                    wanted_by = null, wanted_at = null
                where (b.expires_at <= ? or b.lease_id = ?)
                    and (b.wanted_by is null or b.wanted_by = ? or (b.expires_at <= ? and b.wanted_at <= ?))
                returning entry_index, prev""";

        /** How many parameters {@link #SQL} takes. */
        static final int PARAMETERS = 9;

        private final String book;
        private final String holder;
        private final String replaced;
        private final String id = UUID.randomUUID().toString();
        private final Instant now = clock.instant();
        private final Instant expires = now.plus(ttl).truncatedTo(ChronoUnit.MILLIS);

        Grant(String book, String holder, String replaced) {
            this.book = book;
            this.holder = holder;
            this.replaced = replaced;
        }

        void bind(PreparedStatement statement, int first) throws SQLException {
            statement.setString(first, id);
            statement.setString(first + 1, holder);
            statement.setTimestamp(first + 2, Timestamp.from(expires));
            statement.setString(first + 3, book);
            statement.setTimestamp(first + 4, Timestamp.from(now));
            statement.setString(first + 5, replaced);
            statement.setString(first + 6, node);
            statement.setTimestamp(first + 7, Timestamp.from(now));
            statement.setTimestamp(first + 8, Timestamp.from(now.minus(WANTED_GRACE)));
        }

        /** This grant as a statement sent with an append's held statements; {@code granted} is given the lease, if granted. */
        RowsWithEvents.Rows sentWithTheAppend(Consumer<Lease> granted) {
            return new RowsWithEvents.Rows() {
                @Override
                public String sql() {
                    return SQL;
                }

                @Override
                public int bind(Connection connection, PreparedStatement statement, int first) throws SQLException {
                    Grant.this.bind(statement, first);
                    return first + PARAMETERS;
                }

                @Override
                public void stored(int count) {
                    throw new IllegalStateException("a lease grant answers its lease");
                }

                @Override
                public void returned(ResultSet rows) throws SQLException {
                    read(rows).ifPresent(granted);
                }
            };
        }

        /** The lease granted, or empty when a live lease of another writer stood (or the book has no log row). */
        Optional<Lease> read(ResultSet rows) throws SQLException {
            return rows.next() ? Optional.of(new Lease(id, book, holder, rows.getLong(1), rows.getString(2), expires))
                    : Optional.empty();
        }
    }

    /** A lease's row deleted, or expired in place when another node wants the book (the count of rows ended). */
    private static final String LET_GO = """
            with gone as (delete from book_lease where book_id = ? and lease_id = ?
                    and (wanted_by is null or wanted_by = ?) returning 1),
                kept as (update book_lease set expires_at = ?, wanted_at = ? where book_id = ? and lease_id = ?
                    and wanted_by is not null and wanted_by <> ? returning 1)
            select (select count(*) from gone) + (select count(*) from kept)""";

    private static final String WANT =
            "update book_lease set wanted_by = ?, wanted_at = ? where book_id = ? and wanted_by is null";

    private static final String UNWANT = "update book_lease set wanted_by = null, wanted_at = null "
            + "where book_id = ? and wanted_by = ?";

    /** The query of a book's lease row (the book id its one parameter), read by {@link #lease}. */
    static final String ROW = "select lease_id, holder, entry_index, prev, expires_at from book_lease where book_id = ?";

    private Optional<Lease> row(String book) {
        return jdbc.query(ROW, (ResultSetExtractor<Optional<Lease>>) rs -> lease(rs, book), book);
    }

    /** The lease in the result of {@link #ROW}, if the book has one. */
    static Optional<Lease> lease(ResultSet rs, String book) throws SQLException {
        if (!rs.next()) {
            return Optional.empty();
        }
        return Optional.of(new Lease(rs.getString(1), book, rs.getString(2), rs.getLong(3), rs.getString(4),
                rs.getTimestamp(5).toInstant()));
    }

    private boolean live(Lease lease) {
        return lease.expiresAt().isAfter(clock.instant());
    }

    /** No lease came free in time (503, try again); {@code heldUntil} is when the current one expires, if known. */
    public static final class LeaseBusy extends RuntimeException {

        private final transient Instant heldUntil;

        LeaseBusy(String book, Instant heldUntil) {
            super("book " + book + " stayed leased to other writers");
            this.heldUntil = heldUntil;
        }

        public Optional<Instant> heldUntil() {
            return Optional.ofNullable(heldUntil);
        }
    }
}
