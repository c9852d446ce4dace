package org.gongzhang.reporting.book;

import java.util.function.Supplier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a report's reads in one read-only, repeatable-read transaction, so its figures and the
 * position it reports come from the same state of the read model.
 */
public final class Snapshot {

    private final TransactionTemplate transactions;

    public Snapshot(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        transactions.setReadOnly(true);
        transactions.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    public <T> T read(Supplier<T> reads) {
        return transactions.execute(status -> reads.get());
    }
}
