package org.gongzhang.service.axon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC event storage, except that the event store's tail reads ask the database only when it
 * may hold something new ({@link TailGate}).
 *
 * <p>One thread of the event store reads the log's tail for every tracking processor. Axon wakes it
 * when events are committed; it then reads until a read finds nothing, and once more, and each
 * empty read costs a second query (the smallest global index beyond the window, in case a gap
 * wider than a batch hides the rest). With appends arriving one at a time that was three
 * transactions and two extra queries per append, more round trips than the append itself
 * (pg log of {@code AppendBenchmark 1}: 2.85 reads and 1.86 extra queries per append). Here the
 * reads after the one that found the new events answer nothing without asking, unless more events
 * were committed meanwhile, that read was full, or {@code quiet} has passed. A processor reading on
 * its own (catching up, replaying) reads exactly as Axon does.
 *
 * <p>A tail read is a single query, sent without a transaction around it ({@link Transactions}):
 * one round trip instead of two (pgjdbc sends {@code BEGIN} with the query, then {@code COMMIT} on
 * its own).
 */
final class LedgerEventStorage extends JdbcEventStorageEngine implements HeldAppends {

    /** The threads that send held appends ahead; with all busy, the holding thread sends them itself. */
    private static final ExecutorService SENDERS = new ThreadPoolExecutor(0, 8, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "held-appends-sender");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.CallerRunsPolicy());

    private final TailGate gate;
    private final TransactionManager transactions;
    private final Supplier<RowsWithEvents> rows;
    /** {@link #rows}' answer (a bean looked up at the first append, not at every one). */
    private volatile RowsWithEvents found;

    /**
     * {@code transactions} is the one the builder was given; {@code rows}, asked at the first append,
     * says what to store with the events.
     */
    LedgerEventStorage(Builder builder, Duration quiet, TransactionManager transactions, Supplier<RowsWithEvents> rows) {
        super(builder);
        this.gate = new TailGate(quiet);
        this.transactions = transactions;
        this.rows = rows;
    }

    /**
     * Stores the events, and what {@link RowsWithEvents} stores with them, in one round trip: an
     * insert per event, then each of their rows' statements (pgjdbc sends them with one Sync). An
     * error fails the whole as Axon's own append would: a duplicate key (another writer's entry at
     * the same place) is a {@code ConcurrencyException}, anything else an {@code EventStoreException}.
     * Inside {@link #together} they are held and sent with the rest of its work's appends.
     */
    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (found == null) {
            found = rows.get();
        }
        RowsWithEvents with = found;
        List<RowsWithEvents.Rows> stored = new ArrayList<>();
        events.forEach(event -> with.rowsFor(event).ifPresent(stored::add));
        Holding holding = HELD.get();
        if (holding != null) {
            // held in their order, with or without rows; the connection taken as an immediate append
            // would take it, so that this unit of work, failing later, marks the transaction
            // rollback-only (TransactionBoundConnections)
            JdbcUtils.closeQuietly(getConnection());
            holding.add(new Held(List.copyOf(events), serializer, stored));
            return;
        }
        if (stored.isEmpty()) {
            super.appendEvents(events, serializer);
            return;
        }
        send(List.of(new Held(List.copyOf(events), serializer, stored)));
    }

    /** Events to store with their rows. */
    private record Held(List<? extends EventMessage<?>> events, Serializer serializer, List<RowsWithEvents.Rows> rows) {
    }

    /** The appends held back on this thread ({@link #together}); null outside it. */
    private static final ThreadLocal<Holding> HELD = new ThreadLocal<>();

    @Override
    public boolean alsoSend(RowsWithEvents.Rows rows) {
        Holding holding = HELD.get();
        if (holding == null) {
            return false;
        }
        holding.add(new Held(List.of(), null, List.of(rows)));
        return true;
    }

    @Override
    public void together(Runnable work) {
        if (HELD.get() != null) {
            work.run(); // already inside: the outer call sends everything
            return;
        }
        Holding holding = new Holding();
        HELD.set(holding);
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            holding.settle(); // the connection idle again before the transaction rolls back
            throw e;
        } finally {
            HELD.remove();
        }
        holding.finish();
    }

    /**
     * What {@link #together} holds on one thread. Once {@value HeldAppends#SEND_AHEAD} appends are
     * held they are sent ahead on another thread, on the transaction's connection, while the work
     * goes on building the next ones: the database stores one part while the service builds the
     * next, instead of the two taking turns (a voucher import's chunk, its statements all sent at its
     * end, had waited on the database for a third of its time). One part is in flight at a time, so
     * they arrive in order; the rest is sent at the end, in the work's transaction as before. A part
     * that fails stops the sending ahead, and its failure ends the work as a failed send at the end
     * always did.
     */
    private final class Holding {

        private List<Held> held = new ArrayList<>();
        private Connection connection;
        private Future<?> ahead;
        private List<Held> aheadPart;
        private Throwable failed;
        private List<Held> failedPart;

        void add(Held append) {
            held.add(append);
            if (held.size() >= SEND_AHEAD && failed == null) {
                sendAhead();
            }
        }

        private void sendAhead() {
            settle();
            if (failed != null) {
                return;
            }
            try {
                if (connection == null) {
                    // pgjdbc's own connection (it runs one statement at a time, from whichever thread):
                    // Spring's transaction still owns it, commits and releases it
                    connection = (Connection) getConnection().unwrap(org.postgresql.PGConnection.class);
                }
            } catch (SQLException e) {
                failed = e;
                failedPart = held;
                return;
            }
            List<Held> part = held;
            held = new ArrayList<>();
            Connection on = connection;
            aheadPart = part;
            ahead = SENDERS.submit(() -> {
                sendWith(on, part);
                return null;
            });
        }

        /** Waits for the part in flight, if any, and remembers how it failed. */
        void settle() {
            if (ahead == null) {
                return;
            }
            try {
                ahead.get();
            } catch (ExecutionException e) {
                failed = e.getCause();
                failedPart = aheadPart;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed = new SQLException("interrupted while appends were sent ahead", e);
                failedPart = aheadPart;
            } finally {
                ahead = null;
                aheadPart = null;
            }
        }

        /** The work is done: what was sent ahead has arrived (or its failure is thrown), and the rest is sent now. */
        void finish() {
            settle();
            if (failed instanceof SQLException e) {
                throw sendFailed(e, failedPart);
            } else if (failed instanceof RuntimeException e) {
                throw e;
            } else if (failed instanceof Error e) {
                throw e;
            } else if (failed != null) {
                throw new IllegalStateException("appends sent ahead failed", failed);
            }
            if (!held.isEmpty()) {
                send(held);
            }
        }
    }

    private void send(List<Held> appends) {
        transactions.executeInTransaction(() -> {
            Connection connection = getConnection();
            try {
                sendWith(connection, appends);
            } catch (SQLException e) {
                throw sendFailed(e, appends);
            } finally {
                JdbcUtils.closeQuietly(connection);
            }
        });
    }

    /**
     * A failed send as Axon's exception for its first event (a used sequence number or submission
     * id a conflict, anything else a storage failure); thrown by Axon, returned only for the compiler.
     */
    private RuntimeException sendFailed(SQLException e, List<Held> appends) {
        handlePersistenceException(e, appends.stream().flatMap(held -> held.events().stream()).findFirst()
                .orElseThrow(() -> new IllegalStateException("statements held without events failed", e)));
        return new IllegalStateException("appends failed", e);
    }

    /** Each append's events and rows, in the order they were stored, as one compound statement. */
    private void sendWith(Connection connection, List<Held> appends) throws SQLException {
        String insert = "insert into " + schema().domainEventTable() + " (" + domainEventFields()
                + ") values (?,?,?,?,?,?,?,?,?)";
        StringBuilder sql = new StringBuilder();
        for (Held append : appends) {
            append.events().forEach(event -> sql.append(sql.isEmpty() ? "" : ";\n").append(insert));
            append.rows().forEach(row -> sql.append(sql.isEmpty() ? "" : ";\n").append(row.sql()));
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int p = 1;
            for (Held append : appends) {
                for (EventMessage<?> message : append.events()) {
                    DomainEventMessage<?> event = asDomainEventMessage(message);
                    SerializedObject<byte[]> payload = event.serializePayload(append.serializer(), byte[].class);
                    SerializedObject<byte[]> metaData = event.serializeMetaData(append.serializer(), byte[].class);
                    statement.setString(p++, event.getIdentifier());
                    statement.setString(p++, event.getAggregateIdentifier());
                    statement.setLong(p++, event.getSequenceNumber());
                    statement.setString(p++, event.getType());
                    writeTimestamp(statement, p++, event.getTimestamp());
                    statement.setString(p++, payload.getType().getName());
                    statement.setString(p++, payload.getType().getRevision());
                    statement.setBytes(p++, payload.getData());
                    statement.setBytes(p++, metaData.getData());
                }
                for (RowsWithEvents.Rows row : append.rows()) {
                    p = row.bind(connection, statement, p);
                }
            }
            statement.execute();
            boolean first = true;
            for (Held append : appends) {
                for (int i = 0; i < append.events().size(); i++) {
                    if (!first) {
                        statement.getMoreResults();
                    }
                    first = false;
                }
                for (RowsWithEvents.Rows row : append.rows()) {
                    boolean rows = first ? statement.getResultSet() != null : statement.getMoreResults();
                    first = false;
                    if (rows) {
                        try (ResultSet returned = statement.getResultSet()) {
                            row.returned(returned);
                        }
                    } else {
                        row.stored(statement.getUpdateCount());
                    }
                }
            }
        }
    }

    /** As Axon stores an event that is not an aggregate's: an event of its own id, at sequence 0. */
    private static DomainEventMessage<?> asDomainEventMessage(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain
                : new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }

    /** Events were committed on this node: the next tail read goes to the database. */
    void committed() {
        gate.committed();
    }

    /** How many tail reads went to the database since the start. */
    long tailReads() {
        return gate.reads();
    }

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken token, boolean mayBlock) {
        if (!mayBlock) {
            return super.readEventData(token, false);
        }
        return StreamSupport.stream(new Tail(token), false);
    }

    /**
     * Up to {@code max} events after {@code token} (from the first when null), in one query outside
     * any transaction, each deserialized when first read, with the tracking token Axon's own read
     * gives it (gaps included).
     */
    List<TrackedEventMessage<?>> eventsAfter(TrackingToken token, int max) {
        List<? extends TrackedEventData<?>> rows = Transactions.withoutTransaction(() -> fetchTrackedEvents(token, max));
        return EventUtils.upcastAndDeserializeTrackedEvents(rows.stream(), getEventSerializer(), upcasterChain)
                .collect(Collectors.toList());
    }

    /** The batch after {@code token}, or none without a query when the gate says nothing can be new. */
    private List<? extends TrackedEventData<?>> tailBatch(TrackingToken token) {
        if (!gate.read(System.nanoTime())) {
            return List.of();
        }
        try {
            List<? extends TrackedEventData<?>> batch = Transactions.withoutTransaction(
                    () -> fetchTrackedEvents(token, batchSize()));
            gate.found(batch.size(), batchSize());
            return batch;
        } catch (RuntimeException e) {
            gate.failed();
            throw e;
        }
    }

    /** The log after a token, batch by batch, up to the first batch that comes back empty. */
    private final class Tail implements Spliterator<TrackedEventData<?>> {

        private TrackingToken last;
        private Iterator<? extends TrackedEventData<?>> batch = List.<TrackedEventData<?>>of().iterator();
        private boolean ended;

        Tail(TrackingToken from) {
            this.last = from;
        }

        @Override
        public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
            while (!batch.hasNext()) {
                if (ended) {
                    return false;
                }
                List<? extends TrackedEventData<?>> next = tailBatch(last);
                ended = next.isEmpty();
                batch = next.iterator();
            }
            TrackedEventData<?> event = batch.next();
            last = event.trackingToken();
            action.accept(event);
            return true;
        }

        @Override
        public Spliterator<TrackedEventData<?>> trySplit() {
            return null;
        }

        @Override
        public long estimateSize() {
            return Long.MAX_VALUE;
        }

        @Override
        public int characteristics() {
            return ORDERED | NONNULL;
        }
    }

    /**
     * The transaction manager the storage is built with: Spring's, except on a thread reading the
     * tail ({@link #withoutTransaction}), whose one query runs on its own in auto-commit, as any
     * single statement would be atomic anyway.
     */
    static final class Transactions implements TransactionManager {

        private static final ThreadLocal<Boolean> TAIL = ThreadLocal.withInitial(() -> false);

        private final TransactionManager spring;

        Transactions(TransactionManager spring) {
            this.spring = spring;
        }

        @Override
        public Transaction startTransaction() {
            return TAIL.get() ? NoTransactionManager.INSTANCE.startTransaction() : spring.startTransaction();
        }

        static <T> T withoutTransaction(Supplier<T> read) {
            TAIL.set(true);
            try {
                return read.get();
            } finally {
                TAIL.set(false);
            }
        }
    }
}
