package org.gongzhang.service.entry;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit: appends to different books, each under its own book's locks, written in one
 * transaction and made durable by one commit. Writers hand their append to this queue and wait;
 * {@code threads} writer threads each take what is queued (up to {@code max} appends, one per book),
 * take their books' locks and read what each append checks first, all in one round trip, run them
 * in the order of their books, send what they stored (events and index rows) to the database
 * together, in one more round trip, and commit once. While one group waits for the disk, the next
 * one gathers. One append alone is a group of one.
 *
 * <p>An append refused ({@link LedgerRefusal}) with the group's transaction still open in the
 * database is answered with its refusal and the rest of the group goes on: it was refused at the
 * head, or by a book in memory, before anything of it was written. A refusal after the book's unit of
 * work used the database is different: that unit of work's failure marks the group's transaction
 * rollback-only ({@code TransactionBoundConnections}), and an append that raced another node fails
 * its insert, which fails the database transaction.
 * That, any other exception, and a failed commit roll the group back: its books are dropped from
 * the caches ({@code rolledBack}) and every append of the group not yet answered is told to write
 * {@link Answer#alone()}, in a transaction of its own, as it would have without this queue. An append
 * whose book this node's lock already holds (a writer in a transaction of its own) is also told to
 * write alone, so that a group never waits for one book.
 *
 * <p>The books' advisory locks are taken in the order of the books' ids, in every group of every
 * node, so that two groups never wait for each other's books.
 */
public final class GroupCommit<P> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    /** What became of an append handed to the queue. */
    record Answer<T>(Outcome outcome, Optional<T> value, RuntimeException refusal) {

        enum Outcome { WRITTEN, WAIT, REFUSED, ALONE }

        static <T> Answer<T> alone() {
            return new Answer<>(Outcome.ALONE, Optional.empty(), null);
        }
    }

    /** What the group asks of the database for an append before any append of the group runs: its book, what to read. */
    record Claim(String book, String read) {
    }

    /**
     * One append: its claim, and the work that writes it in the group's transaction, given what was
     * prepared for its claim; empty when it must wait (another writer's lease holds the book).
     */
    private static final class Job<P, T> {

        final String book;
        final String read;
        final Function<P, Optional<T>> work;
        final CompletableFuture<Answer<T>> answer = new CompletableFuture<>();
        Answer<T> pending;

        Job(String book, String read, Function<P, Optional<T>> work) {
            this.book = book;
            this.read = read;
            this.work = work;
        }
    }

    private final TransactionTemplate transaction;
    private final Function<String, ReentrantLock> locks;
    private final Function<List<Claim>, List<P>> prepare;
    private final Consumer<String> rolledBack;
    private final BooleanSupplier lost;
    private final Consumer<Runnable> together;
    private final int max;
    private final ReentrantLock queueLock = new ReentrantLock();
    private final Condition queued = queueLock.newCondition();
    private final Deque<Job<P, ?>> queue = new ArrayDeque<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closed;
    private final AtomicLong groups = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong rollbacks = new AtomicLong();

    /**
     * {@code locks} gives this node's lock of a book; {@code prepare}, given the claims of the appends
     * whose books' node locks the group took (in the order of their books), does what they need
     * first in one go (takes their books' advisory locks and reads what each asked for) and answers
     * one result per claim, in order; {@code rolledBack} is told each book of a group rolled back
     * after its work ran; {@code lost} says whether the database transaction under the current one is
     * no longer the open one the group's work went into (failed by a statement, or rolled back under it);
     * {@code together} runs the group's appends so that what they store goes to the database at once
     * when they are all done (one round trip for the group; {@code Runnable::run}: each as it comes).
     */
    GroupCommit(TransactionTemplate transaction, Function<String, ReentrantLock> locks,
            Function<List<Claim>, List<P>> prepare, Consumer<String> rolledBack, BooleanSupplier lost,
            Consumer<Runnable> together, int threads, int max) {
        if (threads < 1 || max < 2) {
            throw new IllegalArgumentException("a group commit needs 1 or more writers and groups of 2 or more: "
                    + threads + " / " + max);
        }
        this.transaction = transaction;
        this.locks = locks;
        this.prepare = prepare;
        this.rolledBack = rolledBack;
        this.lost = lost;
        this.together = together;
        this.max = max;
        for (int i = 0; i < threads; i++) {
            Thread writer = new Thread(this::write, "group-commit-" + (i + 1));
            writer.setDaemon(true);
            writers.add(writer);
            writer.start();
        }
    }

    /**
     * Hands {@code work}, an append to {@code book} that needs {@code read} prepared, to the queue and
     * waits for its answer. Once {@code patience} has passed with the append still queued, it leaves
     * the queue and is answered {@link Answer#alone()}; once taken, it is waited for until it ends.
     */
    <T> Answer<T> append(String book, String read, Function<P, Optional<T>> work, long patience, TimeUnit unit) {
        Job<P, T> job = new Job<>(book, read, work);
        queueLock.lock();
        try {
            if (closed) {
                return Answer.alone();
            }
            queue.addLast(job);
            queued.signal();
        } finally {
            queueLock.unlock();
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return job.answer.get(patience, unit);
                } catch (TimeoutException e) {
                    if (dequeue(job)) {
                        return Answer.alone();
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                    if (dequeue(job)) {
                        return Answer.alone();
                    }
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a group commit's writer failed", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How many writer threads take groups. */
    int threads() {
        return writers.size();
    }

    /** Appends queued and not yet taken by a writer. */
    int queued() {
        queueLock.lock();
        try {
            return queue.size();
        } finally {
            queueLock.unlock();
        }
    }

    /** Groups committed or rolled back, appends written in committed groups, groups rolled back since the start. */
    public record Counts(long groups, long written, long rollbacks) {

        /** What happened between {@code earlier} and this. */
        public Counts minus(Counts earlier) {
            return new Counts(groups - earlier.groups, written - earlier.written, rollbacks - earlier.rollbacks);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%,d appends in %,d groups (%.1f per group), %,d rolled back",
                    written, groups, groups == 0 ? 0.0 : (double) written / groups, rollbacks);
        }
    }

    Counts counts() {
        return new Counts(groups.get(), written.get(), rollbacks.get());
    }

    private boolean dequeue(Job<P, ?> job) {
        queueLock.lock();
        try {
            return queue.remove(job);
        } finally {
            queueLock.unlock();
        }
    }

    private void write() {
        while (true) {
            List<Job<P, ?>> group = take();
            if (group == null) {
                return;
            }
            try {
                run(group);
            } catch (RuntimeException | Error e) {
                // never leave a writer waiting, nor the queue without its writer: whatever this group
                // did not answer is written alone, and the writer goes on
                LOG.error("A group commit failed outside its transaction; its appends are written alone", e);
                group.forEach(job -> answer(job, Answer.alone()));
            }
        }
    }

    /** The next group: everything queued, up to {@code max}, one append per book, the rest left in order. */
    private List<Job<P, ?>> take() {
        queueLock.lock();
        try {
            while (queue.isEmpty()) {
                if (closed) {
                    return null;
                }
                queued.awaitUninterruptibly();
            }
            List<Job<P, ?>> group = new ArrayList<>();
            Set<String> books = new HashSet<>();
            Deque<Job<P, ?>> later = new ArrayDeque<>();
            while (!queue.isEmpty() && group.size() < max) {
                Job<P, ?> job = queue.pollFirst();
                (books.add(job.book) ? group : later).add(job);
            }
            while (!later.isEmpty()) {
                queue.addFirst(later.pollLast());
            }
            if (!queue.isEmpty()) {
                queued.signal(); // another writer may take the rest now
            }
            group.sort(Comparator.comparing(job -> job.book));
            return group;
        } finally {
            queueLock.unlock();
        }
    }

    private void run(List<Job<P, ?>> group) {
        List<ReentrantLock> held = new ArrayList<>();
        List<Job<P, ?>> ran = new ArrayList<>();
        boolean failed = false;
        try {
            transaction.executeWithoutResult(status -> {
                List<Job<P, ?>> taken = new ArrayList<>();
                for (Job<P, ?> job : group) {
                    ReentrantLock local = locks.apply(job.book);
                    if (!local.tryLock()) {
                        answer(job, Answer.alone());
                        continue;
                    }
                    held.add(local);
                    taken.add(job);
                }
                if (taken.isEmpty()) {
                    return;
                }
                List<P> prepared = prepare.apply(taken.stream().map(job -> new Claim(job.book, job.read)).toList());
                together.accept(() -> {
                    for (int i = 0; i < taken.size(); i++) {
                        ran.add(taken.get(i));
                        runOne(taken.get(i), prepared.get(i), status);
                    }
                });
            });
        } catch (RuntimeException | Error e) {
            // the books leave the caches while this writer still holds them: no other writer can
            // see a book with the rolled-back append in it
            ran.forEach(job -> rolledBack.accept(job.book));
            failed = true;
        } finally {
            held.forEach(ReentrantLock::unlock);
        }
        groups.incrementAndGet();
        if (failed) {
            // answered once the books are let go, so that each writes alone without waiting for them
            rollbacks.incrementAndGet();
            group.forEach(job -> answer(job, Answer.alone()));
            return;
        }
        for (Job<P, ?> job : group) {
            if (job.pending != null) {
                if (job.pending.outcome() == Answer.Outcome.WRITTEN) {
                    written.incrementAndGet();
                }
                answer(job, job.pending);
            }
        }
    }

    private <T> void runOne(Job<P, T> job, P prepared, TransactionStatus status) {
        try {
            Optional<T> value = job.work.apply(prepared);
            job.pending = new Answer<>(value.isPresent() ? Answer.Outcome.WRITTEN : Answer.Outcome.WAIT, value, null);
        } catch (LedgerRefusal refusal) {
            if (status.isRollbackOnly() || lost.getAsBoolean()) {
                // the group's work so far is gone or cannot commit: it goes back, and each append is written alone
                throw refusal;
            }
            // refused before it wrote anything: answered now, the group goes on
            answer(job, new Answer<>(Answer.Outcome.REFUSED, Optional.empty(), refusal));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void answer(Job<?, T> job, Answer<?> answer) {
        job.answer.complete((Answer<T>) answer);
    }

    /** Stops the writers once the queue is empty; appends handed in after this are written alone. */
    @Override
    public void close() {
        queueLock.lock();
        try {
            closed = true;
            queue.forEach(job -> answer(job, Answer.alone()));
            queue.clear();
            queued.signalAll();
        } finally {
            queueLock.unlock();
        }
    }
}
