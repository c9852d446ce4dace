package org.gongzhang.reporting.exchange;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongzhang.core.account.ChartOfAccounts;
import org.gongzhang.core.period.Period;
import org.gongzhang.core.voucher.VoucherWord;
import org.gongzhang.reporting.book.ChartReader;
import org.gongzhang.reporting.voucher.VoucherLines;
import org.springframework.jdbc.core.JdbcTemplate;

/** A book as the reporting read model holds it, read within the caller's snapshot. */
final class ReadModelTarget implements ImportTarget {

    private final JdbcTemplate jdbc;
    private final String book;
    private final Period start;
    private final Map<Period, Boolean> closed = new HashMap<>();
    private ChartOfAccounts chart;

    ReadModelTarget(JdbcTemplate jdbc, String book, Period start) {
        this.jdbc = jdbc;
        this.book = book;
        this.start = start;
    }

    @Override
    public ChartOfAccounts chart() {
        if (chart == null) {
            chart = new ChartReader(jdbc).chart(book);
        }
        return chart;
    }

    @Override
    public Period startPeriod() {
        return start;
    }

    @Override
    public boolean isClosed(Period period) {
        return closed.computeIfAbsent(period, p -> jdbc.queryForObject(
                "select count(*) from report_closed_period where book_id = ? and period = ?", Integer.class,
                book, p.toString()) > 0);
    }

    @Override
    public int lastNumber(Period period, VoucherWord word) {
        return jdbc.queryForObject("""
                select coalesce(max(number), 0) from report_voucher where book_id = ? and period = ? and word = ?""",
                Integer.class, book, period.toString(), word.character());
    }

    @Override
    public Optional<LocalDate> lastNumberedDate(Period period, VoucherWord word) {
        return jdbc.query("""
                select voucher_date from report_voucher where book_id = ? and period = ? and word = ? and number is not null
                order by number desc limit 1""",
                (rs, n) -> rs.getDate(1).toLocalDate(), book, period.toString(), word.character()).stream().findFirst();
    }

    @Override
    public List<BookVoucher> posted(VoucherWord word, int number, MonthDay day) {
        return jdbc.query("""
                select voucher_id, voucher_date, reversed_by is not null from report_voucher
                where book_id = ? and word = ? and number = ? and status = 'POSTED' and not red
                  and extract(month from voucher_date) = ? and extract(day from voucher_date) = ?""",
                (rs, n) -> new BookVoucher(rs.getString(1), rs.getDate(2).toLocalDate(), word, number,
                        VoucherLines.of(jdbc, book, rs.getString(1)), rs.getBoolean(3)),
                book, word.character(), number, day.getMonthValue(), day.getDayOfMonth());
    }
}
