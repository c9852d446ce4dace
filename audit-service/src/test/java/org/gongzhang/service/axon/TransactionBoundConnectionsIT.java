package org.gongzhang.service.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.gongzhang.core.book.api.AppendEntryCommand;
import org.gongzhang.core.book.api.BookId;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.verifier.entry.SignedEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A command refused inside a longer Spring transaction, after its unit of work read the book from the
 * database: the transaction keeps everything it did before (rows, advisory locks) and is marked
 * rollback-only, so it cannot commit as if whole. Axon's own connection wrapper rolled the connection
 * back under it instead, and the transaction then committed what came after. A command refused inside
 * another unit of work (a saga's deadline) leaves the decision to that unit of work.
 */
class TransactionBoundConnectionsIT extends ServiceIT {

    @Autowired
    CommandGateway commands;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    BookCache cache;

    /** What the transaction saw right after the refusal. */
    private record Seen(Throwable refusal, boolean rollbackOnly, boolean markedForCallers, int ownRows,
            int advisoryLocks) {
    }

    @Test
    void aRefusedCommandMarksTheTransactionAndUndoesNothingUnderIt() {
        TestBook book = TestBook.open(client);
        ObjectNode never = book.parkingVoucher("1.00");
        book.accept(book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("2.00")));
        cache.evict(book.id); // the command's unit of work reads the book from the database
        SignedEntry neverRecorded = book.entry(book.reviewer, "voucher.reviewed", TestBook.idOf(never));
        long size = book.size();
        Seen[] seen = new Seen[1];

        Throwable committed = catchThrowable(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(TransactionBoundConnections.rollbackOnly(dataSource)).isFalse();
            jdbc.execute("create temporary table before_the_command (x int) on commit drop");
            jdbc.update("insert into before_the_command values (1)");
            jdbc.execute("select pg_advisory_xact_lock(hashtext('TransactionBoundConnectionsIT'))");
            Throwable refusal = catchThrowable(() ->
                    commands.sendAndWait(new AppendEntryCommand(new BookId(book.id), neverRecorded)));
            seen[0] = new Seen(refusal, status.isRollbackOnly(), TransactionBoundConnections.rollbackOnly(dataSource),
                    jdbc.queryForObject("select count(*) from before_the_command", Integer.class),
                    jdbc.queryForObject("select count(*) from pg_locks where locktype = 'advisory'"
                            + " and pid = pg_backend_pid() and granted", Integer.class));
        }));

        assertThat(seen[0]).as("the transaction after the refusal: %s", committed).isNotNull();
        assertThat(seen[0].refusal()).isInstanceOf(LedgerRefusal.class);
        assertThat(((LedgerRefusal) seen[0].refusal()).code()).isEqualTo("voucher.unknown");
        assertThat(seen[0].ownRows()).as("the transaction's rows before the command").isEqualTo(1);
        assertThat(seen[0].advisoryLocks()).as("the transaction's advisory lock").isEqualTo(1);
        assertThat(seen[0].rollbackOnly()).isTrue();
        assertThat(seen[0].markedForCallers()).isTrue();
        assertThat(committed).as("its commit").isInstanceOf(UnexpectedRollbackException.class);
        assertThat(book.size()).isEqualTo(size);
        assertThat(TransactionBoundConnections.rollbackOnly(dataSource)).as("outside any transaction").isFalse();
    }

    @Test
    void aCommandRefusedFromTheBookInMemoryLeavesTheTransactionFreeToCommit() {
        TestBook book = TestBook.open(client);
        ObjectNode never = book.parkingVoucher("1.00");
        book.accept(book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("2.00")));
        SignedEntry neverRecorded = book.entry(book.reviewer, "voucher.reviewed", TestBook.idOf(never));
        String row = rowName();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            insertRow(book, row);
            assertThatThrownBy(() -> commands.sendAndWait(new AppendEntryCommand(new BookId(book.id), neverRecorded)))
                    .isInstanceOf(LedgerRefusal.class);
            assertThat(status.isRollbackOnly()).as("nothing read from the database, nothing to mark").isFalse();
        });

        assertThat(committedRows(book, row)).as("the transaction's row, committed").isEqualTo(1);
    }

    /**
     * As a saga's deadline: its unit of work reads through the transaction's connection, sends a command
     * (a unit of work nested in it), catches the book's refusal and commits. The nested unit of work
     * wrote nothing of its own, so the transaction commits.
     */
    @Test
    void aCommandRefusedInsideAnOuterUnitOfWorkLeavesTheTransactionFreeToCommit() throws Exception {
        TestBook book = TestBook.open(client);
        ObjectNode never = book.parkingVoucher("1.00");
        book.accept(book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("2.00")));
        cache.evict(book.id);
        SignedEntry neverRecorded = book.entry(book.reviewer, "voucher.reviewed", TestBook.idOf(never));
        String row = rowName();
        boolean[] marked = new boolean[1];

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            insertRow(book, row);
            UnitOfWork<?> deadline = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("deadline"));
            try {
                new TransactionBoundConnections(dataSource).getConnection().close();
                assertThatThrownBy(() -> commands.sendAndWait(new AppendEntryCommand(new BookId(book.id), neverRecorded)))
                        .isInstanceOf(LedgerRefusal.class);
                deadline.commit();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            } finally {
                if (deadline.isActive()) {
                    deadline.rollback(); // a failed step above: no unit of work left behind on the test's thread
                }
            }
            marked[0] = status.isRollbackOnly();
        });

        assertThat(marked[0]).as("the transaction after the nested refusal").isFalse();
        assertThat(committedRows(book, row)).as("the transaction's row, committed").isEqualTo(1);
    }

    /** A row the transaction writes before the command (in a table the service's database user may write). */
    private void insertRow(TestBook book, String name) {
        jdbc.update("insert into gov_person_salt (book_id, name, salt) values (?, ?, ?)", book.id, name, "0".repeat(64));
    }

    private int committedRows(TestBook book, String name) {
        return jdbc.queryForObject("select count(*) from gov_person_salt where book_id = ? and name = ?", Integer.class,
                book.id, name);
    }

    private static String rowName() {
        return "TransactionBoundConnectionsIT-" + java.util.UUID.randomUUID();
    }
}
