package org.gongzhang.reporting.projection;

import java.util.List;
import java.util.function.BiConsumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.gongzhang.core.book.api.AccountAddedEvent;
import org.gongzhang.core.book.api.AccountDisabledEvent;
import org.gongzhang.core.book.api.BookOpenedEvent;
import org.gongzhang.core.book.api.LedgerEvent;
import org.gongzhang.core.book.api.OpeningBalancesSetEvent;
import org.gongzhang.core.book.api.PeriodClosedEvent;
import org.gongzhang.core.book.api.PeriodReopenedEvent;
import org.gongzhang.core.book.api.VoucherPostedEvent;
import org.gongzhang.core.book.api.VoucherRecordedEvent;
import org.gongzhang.core.book.api.VoucherReversedEvent;
import org.gongzhang.core.book.api.VoucherReviewedEvent;
import org.gongzhang.core.book.api.VoucherVoidedEvent;
import org.gongzhang.core.book.api.payload.AccountAdded;
import org.gongzhang.core.book.api.payload.AccountDisabled;
import org.gongzhang.core.book.api.payload.BookOpened;
import org.gongzhang.core.book.api.payload.OpeningBalancesSet;
import org.gongzhang.core.book.api.payload.PeriodClosed;
import org.gongzhang.core.book.api.payload.PeriodReopened;
import org.gongzhang.core.book.api.payload.VoucherPosted;
import org.gongzhang.core.book.api.payload.VoucherRecorded;
import org.gongzhang.core.book.api.payload.VoucherReversed;
import org.gongzhang.core.book.api.payload.VoucherReviewed;
import org.gongzhang.core.book.api.payload.VoucherVoided;
import org.gongzhang.verifier.entry.EntryHeader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes the reporting tables from the ledger's events alone, in the {@value #PROCESSING_GROUP}
 * tracking processor. Each entry is applied once: its index must come right after the book's
 * position, which moves in the same transaction. A processor batch's writes are gathered in a
 * {@link ProjectionBatch} and written together when its transaction commits. Resetting the
 * processor empties the tables, and the replay of the log rebuilds them.
 */
@ProcessingGroup(LedgerProjection.PROCESSING_GROUP)
public class LedgerProjection {

    /** The tracking processor that feeds the reporting read model. */
    public static final String PROCESSING_GROUP = "reporting";

    private static final List<String> TABLES = List.of("report_movement", "report_voucher_line", "report_voucher",
            "report_closed_period", "report_opening_balance", "report_account", "report_book", "report_position");

    private final JdbcTemplate jdbc;
    private final ChartWriter chart;
    private final VoucherWriter vouchers;

    public LedgerProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.chart = new ChartWriter(jdbc);
        this.vouchers = new VoucherWriter(jdbc);
    }

    @ResetHandler
    void reset() {
        TABLES.forEach(table -> jdbc.update("delete from " + table));
    }

    @EventHandler
    void on(BookOpenedEvent event) {
        once(event, (batch, header) -> chart.open(header.book(), BookOpened.from(event.entry())));
    }

    @EventHandler
    void on(AccountAddedEvent event) {
        once(event, (batch, header) -> chart.add(header.book(), AccountAdded.from(event.entry())));
    }

    @EventHandler
    void on(AccountDisabledEvent event) {
        once(event, (batch, header) -> chart.disable(header.book(), AccountDisabled.from(event.entry()).code().value()));
    }

    @EventHandler
    void on(OpeningBalancesSetEvent event) {
        once(event, (batch, header) -> chart.openingBalances(header.book(), OpeningBalancesSet.from(event.entry()).balances()));
    }

    @EventHandler
    void on(VoucherRecordedEvent event) {
        once(event, (batch, header) -> vouchers.record(batch, header, VoucherRecorded.from(event.entry())));
    }

    @EventHandler
    void on(VoucherReversedEvent event) {
        once(event, (batch, header) -> vouchers.reverse(batch, header, VoucherReversed.from(event.entry())));
    }

    @EventHandler
    void on(VoucherReviewedEvent event) {
        once(event, (batch, header) -> vouchers.review(batch, header, VoucherReviewed.from(event.entry()).voucherId()));
    }

    @EventHandler
    void on(VoucherPostedEvent event) {
        once(event, (batch, header) -> vouchers.post(batch, header, VoucherPosted.from(event.entry()).voucherId(), event.number()));
    }

    @EventHandler
    void on(VoucherVoidedEvent event) {
        once(event, (batch, header) -> vouchers.voidVoucher(batch, header, VoucherVoided.from(event.entry()).voucherId()));
    }

    @EventHandler
    void on(PeriodClosedEvent event) {
        once(event, (batch, header) -> chart.close(header.book(), PeriodClosed.from(event.entry()).period(), header.index()));
    }

    @EventHandler
    void on(PeriodReopenedEvent event) {
        once(event, (batch, header) -> chart.reopen(header.book(), PeriodReopened.from(event.entry()).period()));
    }

    /** Entries that change no report (keys registered or revoked) still move the book's position. */
    @EventHandler
    void on(LedgerEvent event) {
        once(event, (batch, header) -> {
        });
    }

    /**
     * Applies the entry if it comes next in its book, within the processor's transaction's
     * {@link ProjectionBatch} (written just before that transaction commits), or, called outside a
     * transaction, written at once.
     */
    private void once(LedgerEvent event, BiConsumer<ProjectionBatch, EntryHeader> change) {
        EntryHeader header = event.header();
        boolean inTransaction = TransactionSynchronizationManager.isSynchronizationActive();
        ProjectionBatch batch = inTransaction ? batch() : new ProjectionBatch(jdbc);
        if (batch.advance(header.book(), header.index())) {
            change.accept(batch, header);
        }
        if (!inTransaction) {
            batch.flush();
        }
    }

    /** The current transaction's batch, written before it commits and dropped when it ends. */
    private ProjectionBatch batch() {
        ProjectionBatch batch = (ProjectionBatch) TransactionSynchronizationManager.getResource(this);
        if (batch != null) {
            return batch;
        }
        ProjectionBatch started = new ProjectionBatch(jdbc);
        TransactionSynchronizationManager.bindResource(this, started);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                started.flush();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(LedgerProjection.this);
            }
        });
        return started;
    }
}
