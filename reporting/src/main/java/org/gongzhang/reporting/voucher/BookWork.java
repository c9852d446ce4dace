package org.gongzhang.reporting.voucher;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a book's staff still have to do with its vouchers, from the read model: the periods closed
 * (结账), and per open period how many vouchers wait for 审核 or 记账.
 */
public final class BookWork {

    /** One period's vouchers by state; {@code closed} when the period is 已结账. */
    public record PeriodWork(String period, int recorded, int reviewed, int posted, boolean closed) {

        public int unposted() {
            return recorded + reviewed;
        }
    }

    private final JdbcTemplate jdbc;

    public BookWork(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every period that has a voucher or is closed, latest first. */
    public List<PeriodWork> periods(String book) {
        return jdbc.query("""
                select p.period,
                       count(*) filter (where v.status = 'RECORDED'),
                       count(*) filter (where v.status = 'REVIEWED'),
                       count(*) filter (where v.status = 'POSTED'),
                       bool_or(c.period is not null)
                from (select period from report_voucher where book_id = ?
                      union select period from report_closed_period where book_id = ?) p
                left join report_voucher v on v.book_id = ? and v.period = p.period
                left join report_closed_period c on c.book_id = ? and c.period = p.period
                group by p.period order by p.period desc""",
                (rs, n) -> new PeriodWork(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getBoolean(5)),
                book, book, book, book);
    }

    /** The latest closed period, or null. */
    public String lastClosed(String book) {
        return jdbc.queryForObject("select max(period) from report_closed_period where book_id = ?", String.class, book);
    }
}
