package org.gongzhang.reporting.voucher;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.gongzhang.core.period.Period;
import org.gongzhang.reporting.api.Amount;
import org.gongzhang.reporting.api.ReportedBook;
import org.gongzhang.reporting.api.Sides;
import org.gongzhang.reporting.api.VoucherLineView;
import org.gongzhang.reporting.api.VoucherListView;
import org.gongzhang.reporting.api.VoucherSummary;
import org.gongzhang.reporting.api.VoucherView;
import org.gongzhang.reporting.book.ReportBooks;
import org.gongzhang.reporting.book.Snapshot;
import org.gongzhang.reporting.format.ChineseAmount;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads vouchers: a period's list, and one voucher with its lines. */
public final class VoucherQueries {

    private static final String COLUMNS = """
            voucher_id, word, number, voucher_date, period, status, summary, debit_total, attachments, preparer,
            reviewer, poster, red, reverses, corrects, reversed_by, recorded_index, posted_index""";

    private final JdbcTemplate jdbc;
    private final Snapshot snapshot;
    private final ReportBooks books;

    public VoucherQueries(JdbcTemplate jdbc, Snapshot snapshot) {
        this.jdbc = jdbc;
        this.snapshot = snapshot;
        this.books = new ReportBooks(jdbc);
    }

    /** The period's vouchers, posted ones by 凭证字 and 凭证号 first; empty when the book is unknown. */
    public Optional<VoucherListView> vouchers(String book, Period period) {
        return snapshot.read(() -> books.find(book).map(heading -> new VoucherListView(book, period.toString(),
                heading.appliedIndex(), jdbc.query("select " + COLUMNS + """
                         from report_voucher where book_id = ? and period = ?
                        order by number is null, word, number, recorded_index""",
                        VoucherQueries::summary, book, period.toString()))));
    }

    /** One voucher with its lines; empty when the book or the voucher is unknown. */
    public Optional<VoucherView> voucher(String book, String voucherId) {
        return snapshot.read(() -> books.find(book).flatMap(heading -> jdbc.query("select " + COLUMNS
                        + " from report_voucher where book_id = ? and voucher_id = ?",
                VoucherQueries::summary, book, voucherId).stream().findFirst()
                .map(voucher -> view(heading, voucher))));
    }

    private VoucherView view(ReportedBook book, VoucherSummary voucher) {
        List<VoucherLineView> lines = jdbc.query("""
                select l.line_no, l.summary, l.account, a.name, l.debit_fen, l.credit_fen
                from report_voucher_line l
                left join report_account a on a.book_id = l.book_id and a.code = l.account
                where l.book_id = ? and l.voucher_id = ? order by l.line_no""",
                (rs, n) -> new VoucherLineView(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Amount.of(rs.getLong(5)), Amount.of(rs.getLong(6))),
                book.book(), voucher.voucherId());
        Sides totals = lines.stream().map(l -> new Sides(l.debit(), l.credit())).reduce(Sides.NONE, Sides::plus);
        return new VoucherView(book.book(), book.appliedIndex(), voucher, lines, totals,
                ChineseAmount.of(totals.debit().fen()));
    }

    private static VoucherSummary summary(ResultSet rs, int row) throws SQLException {
        Integer number = rs.getObject(3, Integer.class);
        return new VoucherSummary(rs.getString(1), rs.getString(2), number,
                number == null ? null : rs.getString(2) + "-" + number, rs.getDate(4).toLocalDate(),
                rs.getString(5), rs.getString(6), rs.getString(7), Amount.of(rs.getLong(8)), rs.getInt(9),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getBoolean(13), rs.getString(14),
                rs.getString(15), rs.getString(16), rs.getLong(17), rs.getObject(18, Long.class));
    }
}
