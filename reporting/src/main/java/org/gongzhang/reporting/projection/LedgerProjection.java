package org.gongzhang.reporting.projection;

import java.util.List;
import java.util.function.Consumer;
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

/**
 * Writes the reporting tables from the ledger's events alone, in the {@value #PROCESSING_GROUP}
 * tracking processor. Each entry is applied once: its index must be past the book's position,
 * which moves in the same transaction. Resetting the processor empties the tables, and the replay
 * of the log rebuilds them.
 */
@ProcessingGroup(LedgerProjection.PROCESSING_GROUP)
public class LedgerProjection {

    /** The tracking processor that feeds the reporting read model. */
    public static final String PROCESSING_GROUP = "reporting";

    private static final List<String> TABLES = List.of("report_movement", "report_voucher_line", "report_voucher",
            "report_closed_period", "report_opening_balance", "report_account", "report_book", "report_position");

    private final JdbcTemplate jdbc;
    private final Positions positions;
    private final ChartWriter chart;
    private final VoucherWriter vouchers;

    public LedgerProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.positions = new Positions(jdbc);
        this.chart = new ChartWriter(jdbc);
        this.vouchers = new VoucherWriter(jdbc);
    }

    @ResetHandler
    void reset() {
        TABLES.forEach(table -> jdbc.update("delete from " + table));
    }

    @EventHandler
    void on(BookOpenedEvent event) {
        once(event, header -> chart.open(header.book(), BookOpened.from(event.entry())));
    }

    @EventHandler
    void on(AccountAddedEvent event) {
        once(event, header -> chart.add(header.book(), AccountAdded.from(event.entry())));
    }

    @EventHandler
    void on(AccountDisabledEvent event) {
        once(event, header -> chart.disable(header.book(), AccountDisabled.from(event.entry()).code().value()));
    }

    @EventHandler
    void on(OpeningBalancesSetEvent event) {
        once(event, header -> chart.openingBalances(header.book(), OpeningBalancesSet.from(event.entry()).balances()));
    }

    @EventHandler
    void on(VoucherRecordedEvent event) {
        once(event, header -> vouchers.record(header, VoucherRecorded.from(event.entry())));
    }

    @EventHandler
    void on(VoucherReversedEvent event) {
        once(event, header -> vouchers.reverse(header, VoucherReversed.from(event.entry())));
    }

    @EventHandler
    void on(VoucherReviewedEvent event) {
        once(event, header -> vouchers.review(header, VoucherReviewed.from(event.entry()).voucherId()));
    }

    @EventHandler
    void on(VoucherPostedEvent event) {
        once(event, header -> vouchers.post(header, VoucherPosted.from(event.entry()).voucherId(), event.number()));
    }

    @EventHandler
    void on(VoucherVoidedEvent event) {
        once(event, header -> vouchers.voidVoucher(header, VoucherVoided.from(event.entry()).voucherId()));
    }

    @EventHandler
    void on(PeriodClosedEvent event) {
        once(event, header -> chart.close(header.book(), PeriodClosed.from(event.entry()).period(), header.index()));
    }

    @EventHandler
    void on(PeriodReopenedEvent event) {
        once(event, header -> chart.reopen(header.book(), PeriodReopened.from(event.entry()).period()));
    }

    /** Entries that change no report (keys registered or revoked) still move the book's position. */
    @EventHandler
    void on(LedgerEvent event) {
        positions.advance(event.header());
    }

    private void once(LedgerEvent event, Consumer<EntryHeader> change) {
        EntryHeader header = event.header();
        if (positions.advance(header)) {
            change.accept(header);
        }
    }
}
