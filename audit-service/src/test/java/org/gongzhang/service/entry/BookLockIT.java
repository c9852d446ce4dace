package org.gongzhang.service.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.gongzhang.service.support.ServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reads that share the lock's round trip see what the previous holder committed: each runs on a
 * snapshot taken after the lock was granted, not when the round trip began.
 */
class BookLockIT extends ServiceIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theHolderReadsWhatThePreviousHolderCommittedWhileItWaited() throws Exception {
        String book = "lock-" + UUID.randomUUID();
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        try {
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
                BookLock.take(jdbc, book);
                jdbc.update("insert into book_log (book_id, tree_size, head_hash, head_recorded_at, compact_range) "
                        + "values (?, 7, repeat('a', 64), now(), ''::bytea)", book);
                jdbc.update("insert into book_lease (book_id, lease_id, holder, entry_index, prev, expires_at) "
                        + "values (?, 'lease-1', 'key-1', 7, repeat('a', 64), now() + interval '1 minute')", book);
                locked.countDown();
                await(commit);
            }));
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<BookLock.Locked> second = CompletableFuture.supplyAsync(() ->
                    transaction.execute(status -> BookLock.takeAndRead(jdbc, book, true, "no-such-submission")));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and wait_event = 'advisory'",
                    Integer.class) > 0);
            commit.countDown();
            first.get(30, TimeUnit.SECONDS);

            BookLock.Locked read = second.get(30, TimeUnit.SECONDS);
            assertThat(read.lease()).hasValueSatisfying(lease -> {
                assertThat(lease.id()).isEqualTo("lease-1");
                assertThat(lease.index()).isEqualTo(7);
            });
            assertThat(read.seen().head()).hasValueSatisfying(head -> assertThat(head.size()).isEqualTo(7));
            assertThat(read.seen().entryHash()).as("no entry under that submission").isNull();
        } finally {
            commit.countDown();
            jdbc.update("delete from book_lease where book_id = ?", book);
            jdbc.update("delete from book_log where book_id = ?", book);
        }
    }

    @Test
    void aGroupsBooksAreLockedAndReadInOneRoundTripEachWithItsOwnRows() {
        String first = "lock-" + UUID.randomUUID();
        String second = "lock-" + UUID.randomUUID();
        String third = "lock-" + UUID.randomUUID();
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        try {
            jdbc.update("insert into book_log (book_id, tree_size, head_hash, head_recorded_at, compact_range) "
                    + "values (?, 7, repeat('a', 64), now(), ''::bytea), (?, 9, repeat('b', 64), now(), ''::bytea)",
                    first, second);
            jdbc.update("insert into book_lease (book_id, lease_id, holder, entry_index, prev, expires_at) "
                    + "values (?, 'lease-2', 'key-2', 9, repeat('b', 64), now() + interval '1 minute')", second);

            List<BookLock.Locked> locked = transaction.execute(status -> {
                List<BookLock.Locked> read = BookLock.takeAndReadAll(jdbc, List.of(first, second, third),
                        java.util.Arrays.asList("no-such-submission", null, "another"));
                assertThat(jdbc.queryForObject("select count(*) from pg_locks where locktype = 'advisory' "
                        + "and pid = pg_backend_pid()", Integer.class)).as("the three books' locks").isEqualTo(3);
                return read;
            });

            assertThat(locked).hasSize(3);
            assertThat(locked.get(0).lease()).isEmpty();
            assertThat(locked.get(0).seen().head()).hasValueSatisfying(head -> {
                assertThat(head.size()).isEqualTo(7);
                assertThat(head.head()).isEqualTo("a".repeat(64));
            });
            assertThat(locked.get(1).lease()).hasValueSatisfying(lease -> assertThat(lease.id()).isEqualTo("lease-2"));
            assertThat(locked.get(1).seen().head()).hasValueSatisfying(head -> assertThat(head.size()).isEqualTo(9));
            assertThat(locked.get(2).lease()).isEmpty();
            assertThat(locked.get(2).seen().head()).as("a book with no log row").isEmpty();
        } finally {
            jdbc.update("delete from book_lease where book_id in (?, ?)", first, second);
            jdbc.update("delete from book_log where book_id in (?, ?)", first, second);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the first holder commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
