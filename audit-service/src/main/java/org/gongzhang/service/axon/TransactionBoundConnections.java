package org.gongzhang.service.axon;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The connections Axon's stores use. Inside a Spring transaction that is the transaction's own
 * connection, and only Spring ends it: Axon neither commits, rolls back nor closes it. An outermost
 * unit of work that used it and failed marks the transaction rollback-only instead, so that whoever
 * owns the transaction rolls all of it back, and cannot commit the part before the failure as if it
 * were whole.
 * <p>
 * Axon's own {@link UnitOfWorkAwareConnectionProviderWrapper} rolled the connection back there, under
 * a transaction that carried on: a command refused inside a longer transaction (a group commit, a
 * service step with rows of its own) had silently undone that transaction's earlier statements and
 * released its advisory locks, and the transaction then committed the rest, answered as a success
 * (found in the group commit, where appends answered 201 were lost). Outside a Spring transaction
 * (the event store's tail reads) Axon's wrapper is used as before.
 */
public final class TransactionBoundConnections implements ConnectionProvider {

    /** The key under which a unit of work records that it marks the transaction when it fails. */
    private static final String MARKS = TransactionBoundConnections.class.getName() + ".marks";

    private final DataSource dataSource;
    private final ConnectionProvider spring;
    private final ConnectionProvider outsideTransactions;

    public TransactionBoundConnections(DataSource dataSource) {
        this.dataSource = dataSource;
        this.spring = new SpringDataSourceConnectionProvider(dataSource);
        this.outsideTransactions = new UnitOfWorkAwareConnectionProviderWrapper(spring);
    }

    @Override
    public Connection getConnection() throws SQLException {
        ConnectionHolder holder = transactionHolder(dataSource);
        if (holder == null) {
            return outsideTransactions.getConnection();
        }
        // Spring's own: its commit and close are left to the transaction, and nothing of Axon's but
        // the wrapper replaced here calls rollback on a connection
        Connection connection = spring.getConnection();
        if (CurrentUnitOfWork.isStarted()) {
            // the outermost unit of work's failure marks the transaction; a nested one's (a command sent
            // by a saga's deadline, refused and caught there) does not: it wrote nothing of its own, as
            // its events go to the outer unit of work only when it succeeds
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            if (!root.phase().isAfter(UnitOfWork.Phase.PREPARE_COMMIT)) {
                root.getOrComputeResource(MARKS, key -> {
                    root.onRollback(failed -> holder.setRollbackOnly());
                    return Boolean.TRUE;
                });
            }
        }
        return connection;
    }

    /**
     * Whether the Spring transaction in progress on {@code dataSource} may no longer commit: a unit
     * of work in it failed after using its connection (or something else marked it). A caller that
     * caught a refusal and would try again in the same transaction must not: its work is lost at
     * commit.
     */
    public static boolean rollbackOnly(DataSource dataSource) {
        ConnectionHolder holder = transactionHolder(dataSource);
        return holder != null && holder.isRollbackOnly();
    }

    private static ConnectionHolder transactionHolder(DataSource dataSource) {
        return TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder
                ? holder : null;
    }
}
