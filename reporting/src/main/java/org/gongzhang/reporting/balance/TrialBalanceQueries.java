package org.gongzhang.reporting.balance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongzhang.core.period.Period;
import org.gongzhang.reporting.api.ReportedBook;
import org.gongzhang.reporting.api.TrialBalanceRow;
import org.gongzhang.reporting.api.TrialBalanceTotals;
import org.gongzhang.reporting.api.TrialBalanceView;
import org.gongzhang.reporting.book.ChartReader;
import org.gongzhang.reporting.book.ReportBooks;
import org.gongzhang.reporting.book.Snapshot;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the 科目余额表 of a book from the read model's opening balances and posted movements. */
public final class TrialBalanceQueries {

    private final JdbcTemplate jdbc;
    private final Snapshot snapshot;
    private final ReportBooks books;
    private final ChartReader charts;

    public TrialBalanceQueries(JdbcTemplate jdbc, Snapshot snapshot) {
        this.jdbc = jdbc;
        this.snapshot = snapshot;
        this.books = new ReportBooks(jdbc);
        this.charts = new ChartReader(jdbc);
    }

    /** The 科目余额表 for {@code from}…{@code to}; empty when the read model does not know the book. */
    public Optional<TrialBalanceView> trialBalance(String book, Period from, Period to) {
        return snapshot.read(() -> books.find(book).map(heading -> view(heading, from, to)));
    }

    private TrialBalanceView view(ReportedBook book, Period from, Period to) {
        List<TrialBalanceRow> rows = TrialBalance.rows(charts.chart(book.book()).all(), leaves(book.book(), from, to));
        TrialBalanceTotals totals = TrialBalance.totals(rows);
        return new TrialBalanceView(book.book(), book.name(), from.toString(), to.toString(), book.appliedIndex(),
                rows, totals, totals.balanced());
    }

    private Map<String, LeafFigures> leaves(String book, Period from, Period to) {
        String yearStart = new Period(to.year(), 1).toString();
        Map<String, LeafFigures> leaves = new HashMap<>();
        jdbc.query("""
                select account, coalesce(sum(debit_fen - credit_fen), 0) from report_opening_balance
                where book_id = ? group by account""",
                rs -> {
                    leaves.merge(rs.getString(1), new LeafFigures(rs.getLong(2), 0, 0, 0, 0), LeafFigures::plus);
                }, book);
        jdbc.query("""
                select account,
                       sum(case when period < ? then debit_fen - credit_fen else 0 end),
                       sum(case when period >= ? then debit_fen else 0 end),
                       sum(case when period >= ? then credit_fen else 0 end),
                       sum(case when period >= ? then debit_fen else 0 end),
                       sum(case when period >= ? then credit_fen else 0 end)
                from report_movement where book_id = ? and period <= ? group by account""",
                rs -> {
                    leaves.merge(rs.getString(1), new LeafFigures(rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6)), LeafFigures::plus);
                }, from.toString(), from.toString(), from.toString(), yearStart, yearStart, book, to.toString());
        return leaves;
    }
}
