package org.gongzhang.service.entry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.service.axon.BookCache;
import org.gongzhang.service.support.LedgerClient.Answer;
import org.gongzhang.service.support.RowFault;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.verifier.entry.SignedEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Appends to three books, queued while every group-commit writer is busy, go into one group: an
 * entry refused at the head or by a book in memory writes nothing and leaves the others in the
 * group; a refusal after the database was used (a book loaded in the group, a failed statement)
 * rolls the group back, and each of its entries is then written alone, so the others are still
 * stored once and answered 201.
 */
class GroupCommitIT extends ServiceIT {

    @Autowired
    BookWrites writes;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BookCache cache;

    private final List<CountDownLatch> releases = new ArrayList<>();
    private final List<CompletableFuture<Void>> busy = new ArrayList<>();

    @AfterEach
    void releaseTheWriters() throws Exception {
        releases.forEach(CountDownLatch::countDown);
        for (CompletableFuture<Void> b : busy) {
            b.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void anEntryRefusedAtTheHeadLeavesTheRestOfItsGroupWritten() throws Exception {
        TestBook a = TestBook.open(client);
        TestBook b = TestBook.open(client);
        TestBook c = TestBook.open(client);
        SignedEntry stale = b.entry(b.preparer, "voucher.recorded", b.parkingVoucher("10.00"));
        b.accept(b.entry(b.preparer, "voucher.recorded", b.parkingVoucher("20.00")));
        GroupCommit.Counts done = aroundTwoAppends(a, b, stale, c, 409, "entry.index.stale");
        assertThat(done.rollbacks()).isZero();
        // the released writer's own append, then a's and c's in one group
        assertThat(done.written()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aRefusalFromABookInMemoryWritesNothingAndLeavesTheRestOfItsGroupWritten() throws Exception {
        refusedByTheBook(true);
    }

    /**
     * A book loaded from the database inside the group: its unit of work used the connection, and its
     * refusal marks the group's transaction rollback-only. The group must see that and write each
     * append alone (before it did, when Axon still rolled the connection back under the group, a's and
     * c's entries were answered 201 and lost).
     */
    @Test
    void aRefusalFromABookLoadedInTheGroupRollsTheGroupBackAndTheOthersAreWrittenAloneOnce() throws Exception {
        refusedByTheBook(false);
    }

    private void refusedByTheBook(boolean cached) throws Exception {
        TestBook a = TestBook.open(client);
        TestBook b = TestBook.open(client);
        TestBook c = TestBook.open(client);
        ObjectNode never = b.parkingVoucher("1.00");
        Answer alone = client.submit(b.entry(b.reviewer, "voucher.reviewed", TestBook.idOf(never)));
        assertThat(alone.status()).as(alone.body()).isEqualTo(404);
        assertThat(alone.json().get("code").asText()).isEqualTo("voucher.unknown");
        // the refusal dropped b from the cache; an entry accepted puts it back
        b.accept(b.entry(b.preparer, "voucher.recorded", b.parkingVoucher("2.00")));
        if (!cached) {
            cache.evict(b.id);
        }
        // at b's head, so only the book itself can refuse it: no voucher of that id was ever recorded
        SignedEntry neverRecorded = b.entry(b.reviewer, "voucher.reviewed", TestBook.idOf(never));
        GroupCommit.Counts done = aroundTwoAppends(a, b, neverRecorded, c, 404, "voucher.unknown");
        assertThat(done.rollbacks()).isEqualTo(cached ? 0 : 1);
    }

    @Test
    void aFailedStatementRollsTheGroupBackAndEachOfItsEntriesIsWrittenAloneOnce() throws Exception {
        TestBook a = TestBook.open(client);
        TestBook c = TestBook.open(client);
        List<Long> sizes = List.of(a.size(), c.size());
        GroupCommit.Counts before = writes.groupCounts();

        // as an append that raced another node: its insert fails in the database, answered as a refusal
        String failing = "zz-" + UUID.randomUUID(); // after a's and c's ids: they have run when it fails
        List<Object> answers = inOneGroup(
                submits(a.entry(a.preparer, "voucher.recorded", a.parkingVoucher("30.00"))),
                () -> writes.append(failing, null, seen -> {
                    try {
                        return jdbc.queryForObject("select 1 / 0", Integer.class);
                    } catch (DataAccessException e) {
                        throw new LedgerRefusal(LedgerRefusal.Kind.CONFLICT, "entry.index.stale", "entry.index", 0);
                    }
                }),
                submits(c.entry(c.preparer, "voucher.recorded", c.parkingVoucher("40.00"))));

        assertStatus(answers.get(0), 201);
        assertThat(answers.get(1)).isInstanceOf(LedgerRefusal.class);
        assertStatus(answers.get(2), 201);
        assertThat(writes.groupCounts().minus(before).rollbacks()).isEqualTo(1);
        // written once each, after the group's rollback (their books left the cache: else the book
        // would have held the rolled-back entry and refused the same entry written alone as stale)
        assertThat(List.of(a.size(), c.size())).containsExactly(sizes.get(0) + 1, sizes.get(1) + 1);
        a.accept(a.entry(a.preparer, "voucher.recorded", a.parkingVoucher("50.00")));
        c.accept(c.entry(c.preparer, "voucher.recorded", c.parkingVoucher("60.00")));
        verifies(a, c);
    }

    /**
     * A group's entries and index rows go to the database together once all its appends ran: a row
     * the database refuses then (here a trigger on {@code b}'s index rows) rolls the whole group
     * back, and each entry is written alone: {@code a}'s and {@code c}'s once, {@code b}'s refused as
     * the storage's failure with nothing of it kept.
     */
    @Test
    void aRowRefusedWhenTheGroupIsSentRollsItBackAndEachEntryIsWrittenAloneOnce() throws Exception {
        TestBook a = TestBook.open(client);
        TestBook b = TestBook.open(client);
        TestBook c = TestBook.open(client);
        List<Long> sizes = List.of(a.size(), b.size(), c.size());
        GroupCommit.Counts before = writes.groupCounts();
        List<Object> answers;
        try (RowFault fault = RowFault.refuse(schemaOwner(), "ledger_entry", "before insert", b.id)) {
            answers = inOneGroup(
                    submits(a.entry(a.preparer, "voucher.recorded", a.parkingVoucher("30.00"))),
                    submits(b.entry(b.preparer, "voucher.recorded", b.parkingVoucher("35.00"))),
                    submits(c.entry(c.preparer, "voucher.recorded", c.parkingVoucher("40.00"))));
            releaseTheWriters(); // their open transactions read ledger_entry: dropping the trigger waits for them
        }

        assertStatus(answers.get(0), 201);
        assertStatus(answers.get(1), 500);
        assertThat(((Answer) answers.get(1)).json().get("code").asText()).isEqualTo("service.storage.failed");
        assertStatus(answers.get(2), 201);
        assertThat(writes.groupCounts().minus(before).rollbacks()).isEqualTo(1);
        assertThat(List.of(a.size(), b.size(), c.size())).containsExactly(sizes.get(0) + 1, sizes.get(1), sizes.get(2) + 1);
        a.accept(a.entry(a.preparer, "voucher.recorded", a.parkingVoucher("50.00")));
        b.accept(b.entry(b.preparer, "voucher.recorded", b.parkingVoucher("55.00")));
        c.accept(c.entry(c.preparer, "voucher.recorded", c.parkingVoucher("60.00")));
        verifies(a, b, c);
    }

    /**
     * Appends a voucher to {@code a}, {@code middle} to {@code b} and a voucher to {@code c} in one group:
     * {@code middle} answered {@code status} with {@code code}, the others 201 and stored once each,
     * nothing stored in {@code b}, every book verifying; answers what the group commit counted meanwhile.
     */
    private GroupCommit.Counts aroundTwoAppends(TestBook a, TestBook b, SignedEntry middle, TestBook c, int status,
            String code) throws Exception {
        List<Long> sizes = List.of(a.size(), b.size(), c.size());
        GroupCommit.Counts before = writes.groupCounts();

        List<Object> answers = inOneGroup(
                submits(a.entry(a.preparer, "voucher.recorded", a.parkingVoucher("30.00"))),
                submits(middle),
                submits(c.entry(c.preparer, "voucher.recorded", c.parkingVoucher("40.00"))));

        GroupCommit.Counts done = writes.groupCounts().minus(before);
        assertStatus(answers.get(0), 201);
        assertStatus(answers.get(1), status);
        assertThat(((Answer) answers.get(1)).json().get("code").asText()).isEqualTo(code);
        assertStatus(answers.get(2), 201);
        assertThat(List.of(a.size(), b.size(), c.size())).containsExactly(sizes.get(0) + 1, sizes.get(1), sizes.get(2) + 1);
        // the books that were in a rolled-back group are at their real heads for the next appends
        a.accept(a.entry(a.preparer, "voucher.recorded", a.parkingVoucher("50.00")));
        c.accept(c.entry(c.preparer, "voucher.recorded", c.parkingVoucher("60.00")));
        verifies(a, b, c);
        return done;
    }

    private Callable<Object> submits(SignedEntry entry) {
        return () -> client.submit(entry);
    }

    private static void assertStatus(Object answer, int status) {
        assertThat(answer).isInstanceOf(Answer.class);
        assertThat(((Answer) answer).status()).as(((Answer) answer).body()).isEqualTo(status);
    }

    /**
     * Runs the appends while every writer is kept busy, waits until all are queued, then frees one
     * writer, which takes them as one group; answers (or what they threw) in the order given.
     */
    private List<Object> inOneGroup(Callable<?>... appends) throws Exception {
        GroupCommit group = writes.groupCommit();
        assertThat(group).as("group commit on by default").isNotNull();
        for (int i = 0; i < group.threads(); i++) {
            occupyAWriter();
        }
        List<CompletableFuture<Object>> answers = new ArrayList<>();
        for (Callable<?> append : appends) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return append.call();
                } catch (Exception e) {
                    return e;
                }
            }));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> group.queued() == appends.length);
        releases.get(0).countDown();
        List<Object> answered = new ArrayList<>();
        for (CompletableFuture<Object> answer : answers) {
            answered.add(answer.get(60, TimeUnit.SECONDS));
        }
        return answered;
    }

    /** An append to a book of its own that holds a writer until the test ends or releases it. */
    private void occupyAWriter() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        releases.add(release);
        busy.add(CompletableFuture.runAsync(() -> writes.append("busy-" + UUID.randomUUID(), null, seen -> {
            running.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        })));
        assertThat(running.await(30, TimeUnit.SECONDS)).as("a writer took the busy append").isTrue();
    }

    private void verifies(TestBook... books) {
        for (TestBook book : books) {
            Answer verify = client.get("/api/books/" + book.id + "/verify");
            assertThat(verify.status()).as(verify.body()).isEqualTo(200);
            assertThat(verify.json().get("ok").asBoolean()).as(verify.body()).isTrue();
        }
    }
}
