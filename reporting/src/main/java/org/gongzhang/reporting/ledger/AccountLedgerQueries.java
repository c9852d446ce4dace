package org.gongzhang.reporting.ledger;

import java.util.List;
import java.util.Optional;
import org.gongzhang.core.account.Account;
import org.gongzhang.core.period.Period;
import org.gongzhang.reporting.api.AccountLedgerView;
import org.gongzhang.reporting.api.Amount;
import org.gongzhang.reporting.api.BalanceSide;
import org.gongzhang.reporting.api.LedgerLine;
import org.gongzhang.reporting.api.ReportedBook;
import org.gongzhang.reporting.book.ChartReader;
import org.gongzhang.reporting.book.ReportBooks;
import org.gongzhang.reporting.book.Snapshot;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the 三栏明细账 of an account: of a parent account, the lines of all its descendants.
 * Lines run in date order, then in the order they were posted.
 */
public final class AccountLedgerQueries {

    private final JdbcTemplate jdbc;
    private final Snapshot snapshot;
    private final ReportBooks books;
    private final ChartReader charts;

    public AccountLedgerQueries(JdbcTemplate jdbc, Snapshot snapshot) {
        this.jdbc = jdbc;
        this.snapshot = snapshot;
        this.books = new ReportBooks(jdbc);
        this.charts = new ChartReader(jdbc);
    }

    /** Empty when the read model knows neither the book nor the account in its chart. */
    public Optional<AccountLedgerView> ledger(String book, String account, Period from, Period to) {
        return snapshot.read(() -> books.find(book).flatMap(heading -> charts.account(book, account)
                .map(found -> view(heading, found, from, to))));
    }

    private AccountLedgerView view(ReportedBook book, Account account, Period from, Period to) {
        String prefix = account.code().value() + "%";
        long opening = jdbc.queryForObject("""
                select (select coalesce(sum(debit_fen - credit_fen), 0) from report_opening_balance
                        where book_id = ? and account like ?)
                     + (select coalesce(sum(debit_fen - credit_fen), 0) from report_movement
                        where book_id = ? and account like ? and period < ?)""",
                Long.class, book.book(), prefix, book.book(), prefix, from.toString());
        List<LedgerLine> lines = AccountLedger.running(opening, posted(book.book(), prefix, from, to));
        long debit = lines.stream().mapToLong(l -> l.debit().fen()).sum();
        long credit = lines.stream().mapToLong(l -> l.credit().fen()).sum();
        long closing = opening + debit - credit;
        return new AccountLedgerView(book.book(), account.code().value(), account.name(), account.direction().name(),
                from.toString(), to.toString(), book.appliedIndex(), BalanceSide.of(opening), Amount.of(Math.abs(opening)),
                lines, Amount.of(debit), Amount.of(credit), BalanceSide.of(closing), Amount.of(Math.abs(closing)));
    }

    private List<PostedLine> posted(String book, String prefix, Period from, Period to) {
        return jdbc.query("""
                select v.voucher_date, v.voucher_id, v.word || '-' || v.number, l.summary, l.account,
                       l.debit_fen, l.credit_fen
                from report_voucher_line l
                join report_voucher v on v.book_id = l.book_id and v.voucher_id = l.voucher_id
                where l.book_id = ? and l.account like ? and v.status = 'POSTED' and v.period between ? and ?
                order by v.voucher_date, v.posted_index, l.line_no""",
                (rs, n) -> new PostedLine(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getLong(6), rs.getLong(7)),
                book, prefix, from.toString(), to.toString());
    }
}
