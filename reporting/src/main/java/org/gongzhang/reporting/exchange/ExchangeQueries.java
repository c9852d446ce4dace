package org.gongzhang.reporting.exchange;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.gongzhang.core.account.Side;
import org.gongzhang.core.period.Period;
import org.gongzhang.core.voucher.VoucherWord;
import org.gongzhang.reporting.book.ReportBooks;
import org.gongzhang.reporting.book.Snapshot;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the read model for the voucher layout: posted vouchers to export, and the book a file is
 * checked against before it is imported, each in one consistent snapshot.
 */
public final class ExchangeQueries {

    private final JdbcTemplate jdbc;
    private final Snapshot snapshot;
    private final ReportBooks books;

    public ExchangeQueries(JdbcTemplate jdbc, Snapshot snapshot) {
        this.jdbc = jdbc;
        this.snapshot = snapshot;
        this.books = new ReportBooks(jdbc);
    }

    /**
     * The posted vouchers of periods {@code from} … {@code to}, by period, 凭证字 (记 收 付 转),
     * 凭证号 and line; a red voucher's amounts are negative as the ledger holds them. Empty when
     * the read model does not know the book.
     */
    public Optional<ExportedVouchers> export(String book, Period from, Period to) {
        return snapshot.read(() -> books.find(book).map(heading -> new ExportedVouchers(book, heading.appliedIndex(),
                jdbc.query("""
                        select v.voucher_date, v.word, v.number, v.attachments, l.summary, l.account, a.name,
                               l.debit_fen, l.credit_fen, v.preparer
                        from report_voucher v
                        join report_voucher_line l on l.book_id = v.book_id and l.voucher_id = v.voucher_id
                        left join report_account a on a.book_id = l.book_id and a.code = l.account
                        where v.book_id = ? and v.status = 'POSTED' and v.period between ? and ?
                        order by v.period, position(v.word in '记收付转'), v.number, l.line_no""",
                        (rs, n) -> new VoucherRow(rs.getDate(1).toLocalDate(),
                                VoucherWord.byCharacter(rs.getString(2)).orElseThrow(), rs.getInt(3), rs.getInt(4),
                                rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getLong(8) != 0 ? Side.DEBIT : Side.CREDIT,
                                rs.getLong(8) != 0 ? rs.getLong(8) : rs.getLong(9), rs.getString(10)),
                        book, from.toString(), to.toString()))));
    }

    /**
     * The last entry of the book's log the read model has applied (one row: cheap enough to ask
     * again and again while waiting for it); empty when the read model holds no such book.
     */
    public OptionalLong appliedIndex(String book) {
        return books.find(book).map(heading -> OptionalLong.of(heading.appliedIndex())).orElse(OptionalLong.empty());
    }

    /** {@code rows} checked against the book as the read model holds it; empty when it does not know the book. */
    public Optional<CheckedImport> check(String book, List<SheetRow> rows, LocalDate today) {
        return snapshot.read(() -> books.find(book).map(heading -> new CheckedImport(heading.appliedIndex(),
                VoucherFileCheck.check(rows,
                        new ReadModelTarget(jdbc, book, Period.parse(heading.startPeriod())), today))));
    }

    /**
     * Of {@code vouchers}, the ones the book already holds recorded but not yet posted: same 凭证字,
     * date, first 摘要 and 借方合计. A file whose vouchers were recorded from it, and are waiting for
     * 审核 and 记账, is not recorded twice.
     */
    public List<PlannedVoucher> waiting(String book, List<PlannedVoucher> vouchers) {
        return snapshot.read(() -> vouchers.stream().filter(v -> !v.red() && jdbc.queryForObject("""
                select count(*) from report_voucher
                where book_id = ? and status in ('RECORDED', 'REVIEWED') and word = ? and voucher_date = ?
                  and summary = ? and debit_total = ?""", Long.class, book, v.word().character(),
                Date.valueOf(v.date()), v.lines().get(0).summary(), debitTotal(v)) > 0).toList());
    }

    private static long debitTotal(PlannedVoucher voucher) {
        return voucher.lines().stream().filter(l -> l.side() == Side.DEBIT).mapToLong(l -> l.amount().fen()).sum();
    }
}
