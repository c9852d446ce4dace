package org.gongzhang.service.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gongzhang.service.entry.StoredEntries;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two signers of one book's checkpoints at once (the checkpoint processor at a statement, a reader
 * asking for a bundle, the demo) while the book grows: a signer that read the log before another's
 * newer signature must not take the book for rewritten. Found by the demo writing its two books at
 * once: the book failed its integrity check and the service stopped serving it until a restart.
 */
class CheckpointRaceIT extends ServiceIT {

    @Autowired
    BookAudit audit;

    @Autowired
    BookIntegrity integrity;

    @Autowired
    StoredEntries stored;

    @Test
    void signersRacingWhileTheBookGrowsNeverFailIt() throws Exception {
        TestBook book = TestBook.open(client);
        AtomicBoolean growing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<?> writer = threads.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    book.accept(book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("1.00")));
                }
                growing.set(false);
            });
            List<Future<Integer>> signers = new ArrayList<>();
            for (int s = 0; s < 2; s++) {
                boolean whole = s == 0;
                signers.add(threads.submit(() -> {
                    int signed = 0;
                    while (growing.get()) {
                        if (whole) {
                            audit.checkpoint(book.id);
                        } else {
                            audit.spool(book.id).discard();
                        }
                        signed++;
                    }
                    return signed;
                }));
            }
            writer.get(2, TimeUnit.MINUTES);
            for (Future<Integer> signer : signers) {
                assertThat(signer.get(1, TimeUnit.MINUTES)).isPositive();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(integrity.failed(book.id)).as("integrity failures: %s", integrity.failed()).isFalse();
        assertThat(client.get("/api/books/" + book.id + "/verify").json().get("ok").asBoolean()).isTrue();
    }

    @Test
    void anOlderReadOfTheLogIsRefusedAsStaleNotTakenForARewrite() {
        TestBook book = TestBook.open(client);
        List<byte[]> before = leaves(book.id);
        book.accept(book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("2.00")));
        audit.checkpoint(book.id);

        assertThatThrownBy(() -> integrity.requireExtends(book.id, before))
                .isInstanceOf(Checkpoints.InconsistentLog.class);
        assertThat(integrity.failed(book.id)).isFalse();
        integrity.requireExtends(book.id, leaves(book.id));
    }

    private List<byte[]> leaves(String book) {
        List<byte[]> leaves = new java.util.ArrayList<>();
        stored.forEachReadable(book, entry -> leaves.add(entry.leafHash()));
        return leaves;
    }
}
