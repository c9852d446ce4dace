package org.gongzhang.service.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.service.entry.GroupCommit.Answer;
import org.gongzhang.service.entry.GroupCommit.Answer.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.SmartTransactionObject;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The group commit's own rules, on a transaction manager that counts commits and rollbacks and
 * marks a transaction rollback-only when a participant fails, as Spring's JDBC one does (the book
 * aggregate's unit of work is such a participant).
 */
class GroupCommitTest {

    private final CountingTransactions transactions = new CountingTransactions();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final List<String> evicted = new CopyOnWriteArrayList<>();
    private final List<String> ran = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    /** Whether the database failed the transaction, as the group asks it after a refusal. */
    private final java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
    private GroupCommit<String> group;
    /** The claims each group prepared, group by group. */
    private final List<List<String>> prepared = new CopyOnWriteArrayList<>();
    /** The appends each group ran inside one call of its {@code together} (whose stores go out at once), group by group. */
    private final List<List<String>> together = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        release.countDown();
        if (group != null) {
            group.close();
        }
    }

    private GroupCommit<String> group(int threads, int max) {
        group = new GroupCommit<>(new TransactionTemplate(transactions),
                book -> locks.computeIfAbsent(book, b -> new ReentrantLock()), claims -> {
                    prepared.add(claims.stream().map(c -> c.book() + ":" + c.read()).toList());
                    return claims.stream().map(c -> "locked " + c.book()).toList();
                }, evicted::add, failed::get, work -> {
                    int before = ran.size();
                    work.run();
                    together.add(List.copyOf(ran.subList(before, ran.size())));
                }, threads, max);
        return group;
    }

    @Test
    void appendsQueuedWhileTheWriterIsBusyAreCommittedTogetherInTheOrderOfTheirBooks() throws Exception {
        group(1, 32);
        CompletableFuture<Answer<String>> busy = occupyTheWriter();
        List<CompletableFuture<Answer<String>>> appends = List.of(append("b"), append("c"), append("a"));
        awaitQueued(3);
        release.countDown();

        assertThat(busy.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.WRITTEN);
        for (CompletableFuture<Answer<String>> append : appends) {
            assertThat(append.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.WRITTEN);
        }
        assertThat(appends.get(2).get().value()).hasValue("wrote a");
        assertThat(ran).containsExactly("busy", "a", "b", "c");
        assertThat(prepared).as("one round trip of locks and reads per group, in the books' order")
                .containsExactly(List.of("busy:read busy"), List.of("a:read a", "b:read b", "c:read c"));
        assertThat(together).as("a group's appends store together, once all ran")
                .containsExactly(List.of("busy"), List.of("a", "b", "c"));
        assertThat(transactions.commits).hasValue(2);
        assertThat(group.counts()).isEqualTo(new GroupCommit.Counts(2, 4, 0));
    }

    @Test
    void aGroupHoldsOneAppendPerBookAndAtMostItsMaximum() throws Exception {
        group(1, 2);
        CompletableFuture<Answer<String>> busy = occupyTheWriter();
        List<CompletableFuture<Answer<String>>> appends = List.of(append("a"), append("a"), append("b"), append("c"));
        awaitQueued(4);
        release.countDown();

        busy.get(10, TimeUnit.SECONDS);
        for (CompletableFuture<Answer<String>> append : appends) {
            assertThat(append.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.WRITTEN);
        }
        // [a, b], then the second a with c: never two appends of a book in one group
        assertThat(ran).containsExactly("busy", "a", "b", "a", "c");
        assertThat(transactions.commits).hasValue(3);
    }

    @Test
    void anAppendRefusedBeforeItWroteIsAnsweredWithItsRefusalAndTheGroupGoesOn() throws Exception {
        group(1, 32);
        CompletableFuture<Answer<String>> busy = occupyTheWriter();
        LedgerRefusal stale = LedgerRefusal.invalid("entry.index.stale", "entry.index", 7);
        CompletableFuture<Answer<String>> a = append("a");
        CompletableFuture<Answer<String>> b = append("b", () -> {
            throw stale;
        });
        CompletableFuture<Answer<String>> c = append("c");
        awaitQueued(3);
        release.countDown();

        busy.get(10, TimeUnit.SECONDS);
        assertThat(a.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.WRITTEN);
        assertThat(b.get(10, TimeUnit.SECONDS)).satisfies(answer -> {
            assertThat(answer.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(answer.refusal()).isSameAs(stale);
        });
        assertThat(c.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.WRITTEN);
        assertThat(transactions.commits).hasValue(2);
        assertThat(transactions.rollbacks).hasValue(0);
        assertThat(evicted).isEmpty();
    }

    @Test
    void aRefusalThatMarkedTheTransactionRollsTheGroupBackAndEveryAppendIsWrittenAlone() throws Exception {
        group(1, 32);
        CompletableFuture<Answer<String>> busy = occupyTheWriter();
        CompletableFuture<Answer<String>> a = append("a");
        CompletableFuture<Answer<String>> b = append("b", () -> {
            // as the book aggregate's unit of work: a participant of the transaction, which fails
            return new TransactionTemplate(transactions).execute(status -> {
                throw LedgerRefusal.invalid("payment.exceeds-approved", "entry.payload.amount", 100);
            });
        });
        CompletableFuture<Answer<String>> c = append("c");
        awaitQueued(3);
        release.countDown();

        busy.get(10, TimeUnit.SECONDS);
        assertThat(a.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.ALONE);
        assertThat(b.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.ALONE);
        assertThat(c.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.ALONE);
        assertThat(ran).as("c never ran: the group stopped at b").containsExactly("busy", "a", "b");
        assertThat(evicted).as("the books whose appends ran leave the caches").containsExactly("a", "b");
        assertThat(transactions.rollbacks).hasValue(1);
        assertThat(group.counts().rollbacks()).isEqualTo(1);
        assertThat(locks.get("a").isLocked()).isFalse();
    }

    @Test
    void aRefusalMadeOfAFailedStatementRollsTheGroupBack() throws Exception {
        rolledBackBy(() -> {
            failed.set(true); // the insert failed in the database, and the append answers it as a race
            throw LedgerRefusal.invalid("entry.index.stale", "entry.index", 7);
        });
    }

    @Test
    void aFailedStatementRollsTheGroupBackToo() throws Exception {
        rolledBackBy(() -> {
            throw new IllegalStateException("duplicate key");
        });
    }

    /** a's append, then b's {@code failing} one, in one group: both are told to write alone, both books evicted. */
    private void rolledBackBy(Supplier<Optional<String>> failing) throws Exception {
        group(1, 32);
        CompletableFuture<Answer<String>> busy = occupyTheWriter();
        CompletableFuture<Answer<String>> a = append("a");
        CompletableFuture<Answer<String>> b = append("b", failing);
        awaitQueued(2);
        release.countDown();

        busy.get(10, TimeUnit.SECONDS);
        assertThat(a.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.ALONE);
        assertThat(b.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.ALONE);
        assertThat(transactions.rollbacks).hasValue(1);
        assertThat(evicted).containsExactly("a", "b");
    }

    @Test
    void anAppendWhoseBookThisNodeHoldsIsWrittenAloneAndTheOthersAreNotHeldUp() throws Exception {
        group(1, 32);
        ReentrantLock held = locks.computeIfAbsent("a", b -> new ReentrantLock());
        held.lock();
        try {
            Answer<String> a = append("a").get(10, TimeUnit.SECONDS);
            Answer<String> b = append("b").get(10, TimeUnit.SECONDS);
            assertThat(a.outcome()).isEqualTo(Outcome.ALONE);
            assertThat(b.outcome()).isEqualTo(Outcome.WRITTEN);
            assertThat(ran).containsExactly("b");
            assertThat(prepared).as("a's lock was not taken: nothing prepared for it").containsExactly(List.of("b:read b"));
        } finally {
            held.unlock();
        }
    }

    @Test
    void anAppendThatWaitsForALeaseIsToldSo() throws Exception {
        group(2, 32);
        Answer<String> answer = group.<String>append("a", "read a", locked -> Optional.empty(), 10, TimeUnit.SECONDS);
        assertThat(answer.outcome()).isEqualTo(Outcome.WAIT);
        assertThat(transactions.commits).hasValue(1);
    }

    @Test
    void anAppendQueuedLongerThanItsPatienceLeavesTheQueueUnwritten() throws Exception {
        group(1, 32);
        CompletableFuture<Answer<String>> busy = occupyTheWriter();
        Answer<String> answer = group.append("late", "read late", locked -> {
            ran.add("late");
            return Optional.of("wrote late");
        }, 200, TimeUnit.MILLISECONDS);
        assertThat(answer.outcome()).isEqualTo(Outcome.ALONE);
        assertThat(group.queued()).isZero();
        release.countDown();
        busy.get(10, TimeUnit.SECONDS);
        assertThat(ran).containsExactly("busy");
    }

    @Test
    void afterCloseAppendsAreWrittenAlone() {
        group(2, 32).close();
        assertThat(group.append("a", "read a", locked -> Optional.of("x"), 1, TimeUnit.SECONDS).outcome())
                .isEqualTo(Outcome.ALONE);
        assertThat(transactions.commits).hasValue(0);
    }

    @Test
    void aGroupOfOneIsNoGroup() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> group(2, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** An append to book "busy" that keeps the one writer until the test releases it. */
    private CompletableFuture<Answer<String>> occupyTheWriter() {
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<Answer<String>> busy = append("busy", () -> {
            running.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of("wrote busy");
        });
        try {
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return busy;
    }

    private CompletableFuture<Answer<String>> append(String book) {
        return append(book, () -> Optional.of("wrote " + book));
    }

    /** Hands an append to the queue from a thread of its own; {@code work} runs after it is recorded as run. */
    private CompletableFuture<Answer<String>> append(String book, Supplier<Optional<String>> work) {
        int before = group.queued();
        CompletableFuture<Answer<String>> answer = CompletableFuture.supplyAsync(() -> group.append(book, "read " + book,
                locked -> {
                    assertThat(locked).isEqualTo("locked " + book);
                    ran.add(book);
                    return work.get();
                }, 30, TimeUnit.SECONDS));
        if (!"busy".equals(book)) {
            // queued in the order the test hands them in (or already taken by an idle writer)
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> group.queued() > before || answer.isDone());
        }
        return answer;
    }

    private void awaitQueued(int n) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> group.queued() >= n);
    }

    /**
     * Counts commits and rollbacks; a participant that fails marks the transaction rollback-only,
     * whose commit then rolls back (Spring's default, as with its JDBC transactions).
     */
    private static final class CountingTransactions extends AbstractPlatformTransactionManager {

        final AtomicInteger commits = new AtomicInteger();
        final AtomicInteger rollbacks = new AtomicInteger();
        private final ThreadLocal<Tx> current = new ThreadLocal<>();

        private static final class Tx implements SmartTransactionObject {
            boolean rollbackOnly;

            @Override
            public boolean isRollbackOnly() {
                return rollbackOnly;
            }

            @Override
            public void flush() {
            }
        }

        private static final class Handle implements SmartTransactionObject {
            Tx tx;

            Handle(Tx tx) {
                this.tx = tx;
            }

            Tx tx() {
                return tx;
            }

            @Override
            public boolean isRollbackOnly() {
                return tx != null && tx.rollbackOnly;
            }

            @Override
            public void flush() {
            }
        }

        @Override
        protected Object doGetTransaction() {
            return new Handle(current.get());
        }

        @Override
        protected boolean isExistingTransaction(Object transaction) {
            return ((Handle) transaction).tx() != null;
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            Tx tx = new Tx();
            ((Handle) transaction).tx = tx;
            current.set(tx);
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            commits.incrementAndGet();
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            rollbacks.incrementAndGet();
        }

        @Override
        protected void doSetRollbackOnly(DefaultTransactionStatus status) {
            ((Handle) status.getTransaction()).tx().rollbackOnly = true;
        }

        @Override
        protected void doCleanupAfterCompletion(Object transaction) {
            current.remove();
        }
    }
}
