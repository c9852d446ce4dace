package org.gongzhang.reporting.statement;

import java.util.List;
import java.util.Optional;
import org.gongzhang.core.period.Period;
import org.gongzhang.reporting.api.Amount;
import org.gongzhang.reporting.api.ReportedBook;
import org.gongzhang.reporting.api.StatementCategory;
import org.gongzhang.reporting.api.StatementItem;
import org.gongzhang.reporting.api.StatementView;
import org.gongzhang.reporting.book.ReportBooks;
import org.gongzhang.reporting.book.Snapshot;
import org.gongzhang.reporting.format.ChineseAmount;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Computes a 收支公示表's figures from the read model: the fund is assets and liabilities (1xxx,
 * 2xxx, net debit); income the 4xxx accounts (net credit); expenses the 5xxx accounts (net debit)
 * but 5501 转入维修资金, which is its own line because money moved into the maintenance fund still
 * belongs to the owners. Accounts whose amount nets to zero are left out.
 */
public final class StatementQueries {

    /** The first-level code of 转入维修资金. */
    public static final String TRANSFER_ACCOUNT = "5501";

    private final JdbcTemplate jdbc;
    private final Snapshot snapshot;
    private final ReportBooks books;

    public StatementQueries(JdbcTemplate jdbc, Snapshot snapshot) {
        this.jdbc = jdbc;
        this.snapshot = snapshot;
        this.books = new ReportBooks(jdbc);
    }

    /** The figures for {@code from}…{@code to}, itemising spending of at least {@code itemThreshold} 分. */
    public Optional<StatementView> statement(String book, Period from, Period to, long itemThreshold) {
        return snapshot.read(() -> books.find(book).map(heading -> view(heading, from, to, itemThreshold)));
    }

    private StatementView view(ReportedBook book, Period from, Period to, long threshold) {
        String id = book.book();
        long[] fund = fundMovements(id, from, to);
        long opening = fundOpening(id) + fund[0];
        long closing = opening + fund[1];
        List<StatementCategory> income = categories(id, from, to, "credit_fen - debit_fen", "m.account like '4%'");
        List<StatementCategory> expenses = categories(id, from, to, "debit_fen - credit_fen",
                "m.account like '5%' and m.account not like '" + TRANSFER_ACCOUNT + "%'");
        long transfer = jdbc.queryForObject("""
                select coalesce(sum(debit_fen - credit_fen), 0) from report_movement
                where book_id = ? and account like ? and period between ? and ?""",
                Long.class, id, TRANSFER_ACCOUNT + "%", from.toString(), to.toString());
        return new StatementView(id, book.name(), from.toString(), to.toString(), Amount.of(threshold),
                book.appliedIndex(), Amount.of(opening), income, total(income), expenses, total(expenses),
                Amount.of(transfer), Amount.of(closing), ChineseAmount.of(closing), items(id, from, to, threshold));
    }

    private long fundOpening(String book) {
        return jdbc.queryForObject("""
                select coalesce(sum(debit_fen - credit_fen), 0) from report_opening_balance
                where book_id = ? and (account like '1%' or account like '2%')""", Long.class, book);
    }

    /** The fund's movement before {@code from} and within {@code from}…{@code to}. */
    private long[] fundMovements(String book, Period from, Period to) {
        return jdbc.queryForObject("""
                select coalesce(sum(case when period < ? then debit_fen - credit_fen else 0 end), 0),
                       coalesce(sum(case when period >= ? then debit_fen - credit_fen else 0 end), 0)
                from report_movement
                where book_id = ? and (account like '1%' or account like '2%') and period <= ?""",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, from.toString(), from.toString(), book,
                to.toString());
    }

    private List<StatementCategory> categories(String book, Period from, Period to, String amount, String accounts) {
        return jdbc.query("""
                select m.account, a.name, sum(m.%s) as amount
                from report_movement m join report_account a on a.book_id = m.book_id and a.code = m.account
                where m.book_id = ? and m.period between ? and ? and %s
                group by m.account, a.name having sum(m.%s) <> 0 order by m.account""".formatted(amount, accounts, amount),
                (rs, n) -> new StatementCategory(rs.getString(1), rs.getString(2), Amount.of(rs.getLong(3))),
                book, from.toString(), to.toString());
    }

    private List<StatementItem> items(String book, Period from, Period to, long threshold) {
        return jdbc.query("""
                select v.posted_index, v.voucher_id, v.word || '-' || v.number, v.voucher_date, l.account, a.name,
                       v.summary, l.debit_fen - l.credit_fen
                from report_voucher_line l
                join report_voucher v on v.book_id = l.book_id and v.voucher_id = l.voucher_id
                join report_account a on a.book_id = l.book_id and a.code = l.account
                where l.book_id = ? and v.status = 'POSTED' and v.period between ? and ?
                  and l.account like '5%' and l.account not like ? and abs(l.debit_fen - l.credit_fen) >= ?
                order by v.posted_index, l.line_no""",
                (rs, n) -> new StatementItem(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getDate(4).toLocalDate(), rs.getString(5), rs.getString(6), rs.getString(7),
                        Amount.of(rs.getLong(8))),
                book, from.toString(), to.toString(), TRANSFER_ACCOUNT + "%", threshold);
    }

    private static Amount total(List<StatementCategory> categories) {
        return Amount.of(categories.stream().mapToLong(c -> c.amount().fen()).sum());
    }
}
