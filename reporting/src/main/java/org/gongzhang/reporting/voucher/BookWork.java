package org.gongzhang.reporting.voucher;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** A book's vouchers waiting for 审核 ({@code recorded}) and for 记账 ({@code reviewed}). */
    public record Waiting(int recorded, int reviewed) {

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

    /**
     * Per book, its vouchers waiting for 审核 or 记账, for many books in one query (a workspace
     * serving a street); a book with none is absent.
     */
    public Map<String, Waiting> waiting(Collection<String> books) {
        Map<String, Waiting> waiting = new HashMap<>();
        jdbc.query("""
                select book_id, count(*) filter (where status = 'RECORDED'), count(*) filter (where status = 'REVIEWED')
                from report_voucher where book_id = any (?) and status in ('RECORDED', 'REVIEWED') group by book_id""",
                rs -> {
                    waiting.put(rs.getString(1), new Waiting(rs.getInt(2), rs.getInt(3)));
                }, (Object) books.toArray(String[]::new));
        return waiting;
    }

    /** Per book, its latest closed period, for many books in one query; a book with none closed is absent. */
    public Map<String, String> lastClosed(Collection<String> books) {
        Map<String, String> closed = new HashMap<>();
        jdbc.query("select book_id, max(period) from report_closed_period where book_id = any (?) group by book_id",
                rs -> {
                    closed.put(rs.getString(1), rs.getString(2));
                }, (Object) books.toArray(String[]::new));
        return closed;
    }

    /** The latest closed period, or null. */
    public String lastClosed(String book) {
        return jdbc.queryForObject("select max(period) from report_closed_period where book_id = ?", String.class, book);
    }
}
