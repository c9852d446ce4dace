package org.gongzhang.service.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.junit.jupiter.api.Test;

/** The event storage's transactions: Spring's for everything but a tail read, which runs on its own. */
class TailReadTransactionsTest {

    private final AtomicInteger started = new AtomicInteger();
    private final TransactionManager spring = () -> {
        started.incrementAndGet();
        return new Transaction() {
            @Override
            public void commit() {
            }

            @Override
            public void rollback() {
            }
        };
    };
    private final LedgerEventStorage.Transactions transactions = new LedgerEventStorage.Transactions(spring);

    @Test
    void readsAndWritesOutsideATailReadRunInSpringsTransactions() {
        assertThat(transactions.fetchInTransaction(() -> "events")).isEqualTo("events");
        transactions.executeInTransaction(() -> {
        });

        assertThat(started).hasValue(2);
    }

    @Test
    void aTailReadStartsNoTransaction() {
        String read = LedgerEventStorage.Transactions.withoutTransaction(() -> transactions.fetchInTransaction(() -> "tail"));

        assertThat(read).isEqualTo("tail");
        assertThat(started).hasValue(0);
    }

    @Test
    void aFailedTailReadLeavesTheNextReadInATransaction() {
        assertThatThrownBy(() -> LedgerEventStorage.Transactions.withoutTransaction(() -> {
            throw new IllegalStateException("the database went away");
        })).hasMessage("the database went away");

        transactions.fetchInTransaction(() -> "catch-up");
        assertThat(started).hasValue(1);
    }
}
