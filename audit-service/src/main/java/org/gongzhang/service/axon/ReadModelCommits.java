package org.gongzhang.service.axon;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Transactions of a read model's tracking processor that commit without waiting for the disk
 * ({@code synchronous_commit = off} for that transaction only). Safe for a projection whose
 * tables and tracking token commit together: after a crash PostgreSQL has lost a suffix of such
 * transactions whole, never half of one, so the token is back where the tables are and the
 * processor applies those events again. Appends, checkpoints and everything else keep durable
 * commits; the next durable commit flushes every earlier asynchronous one.
 */
final class ReadModelCommits implements TransactionManager {

    private final TransactionManager delegate;
    private final JdbcTemplate jdbc;

    ReadModelCommits(TransactionManager delegate, JdbcTemplate jdbc) {
        this.delegate = delegate;
        this.jdbc = jdbc;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = delegate.startTransaction();
        try {
            jdbc.execute("set local synchronous_commit = off");
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
        return transaction;
    }
}
