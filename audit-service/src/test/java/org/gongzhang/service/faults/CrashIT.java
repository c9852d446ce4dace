package org.gongzhang.service.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.gongzhang.service.support.ChildService;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.verifier.entry.SignedEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standing crash test: the service, a process of its own, is killed with SIGKILL in the middle
 * of a burst of appends. It starts again on the same directories at the first attempt (its embedded
 * PostgreSQL, left running by the killed JVM, is found and stopped), every entry acknowledged with
 * 201 is there with its hash, and whatever was in flight is either whole or absent: the book verifies.
 */
class CrashIT {

    static final int KILL_AFTER = 40;

    @TempDir
    Path data;

    @TempDir
    Path keys;

    @Test
    void acknowledgedEntriesSurviveSigkillAndTheNextStartWorksTheFirstTime() throws Exception {
        Path log = Files.createDirectories(Path.of("target", "crash-it")).resolve("service.log");
        Files.deleteIfExists(log);
        Map<Long, String> acknowledged = new ConcurrentSkipListMap<>();
        AtomicInteger failedSends = new AtomicInteger();
        TestBook book;
        long orphan;
        try (ChildService first = ChildService.start(data, keys, log)) {
            book = TestBook.open(first.client);
            Thread writer = new Thread(() -> {
                while (true) {
                    try {
                        SignedEntry entry = book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("8.00"));
                        LedgerClient.Answer answer = first.client.submit(entry, "en");
                        if (answer.status() == 201) {
                            acknowledged.put(entry.header().index(), entry.hash());
                        }
                    } catch (Throwable connectionLost) {
                        if (failedSends.incrementAndGet() > 3) {
                            return;
                        }
                    }
                }
            }, "crash-it-writer");
            writer.start();
            while (acknowledged.size() < KILL_AFTER) {
                Thread.sleep(20);
            }
            first.kill();
            writer.join(60_000);
            orphan = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
        }
        int acknowledgedCount = acknowledged.size();
        System.out.printf("CrashIT: %d entries acknowledged before SIGKILL; PostgreSQL pid %d outlived the JVM: %s%n",
                acknowledgedCount, orphan, ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false));
        assertThat(acknowledgedCount).isGreaterThanOrEqualTo(KILL_AFTER);

        String bookId = book.id;
        try (ChildService second = ChildService.start(data, keys, log)) {
            LedgerClient client = second.client;
            long size = client.get("/api/books/" + bookId + "/head").json().get("size").asLong();
            for (Map.Entry<Long, String> entry : acknowledged.entrySet()) {
                LedgerClient.Answer stored = client.get("/api/books/" + bookId + "/entries/" + entry.getKey());
                assertThat(stored.status()).as("entry %d", entry.getKey()).isEqualTo(200);
                assertThat(SignedEntry.fromLeaf(stored.body()).hash()).as("entry %d", entry.getKey())
                        .isEqualTo(entry.getValue());
            }
            assertThat(size).as("at most the one entry in flight beyond the acknowledged ones")
                    .isBetween(2L + acknowledgedCount, 2L + acknowledgedCount + 1);
            JsonNode verify = client.get("/api/books/" + bookId + "/verify").json();
            assertThat(verify.path("ok").asBoolean()).as(verify.toString()).isTrue();
            assertThat(verify.path("entries").asLong()).isEqualTo(size);
            LedgerClient.Answer next = client.submit(client.next(book.preparer, bookId, "voucher.recorded",
                    book.today, book.parkingVoucher("9.00")), "en");
            assertThat(next.status()).as("the book goes on at its head: %s", next.body()).isEqualTo(201);
        } finally {
            ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroy); // only if the restart did not stop it
        }
    }
}
