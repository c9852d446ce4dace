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

    /**
     * One period's vouchers waiting for 审核 ({@code recorded}) and for 记账 ({@code reviewed});
     * {@code closed} when the period is 已结账.
     */
    public record PeriodWork(String period, int recorded, int reviewed, boolean closed) {

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

    /**
     * Every period that has a voucher or is closed, latest first. Its work does not grow with the
     * book's vouchers: the periods are found one index probe each (the unique index on (book,
     * period, 凭证字, 凭证号) read from one period to the next, as a loose index scan), the counts
     * from the index of unposted vouchers. Counting every voucher per period took 1.1 s for a book
     * of 333,000 vouchers, this 2 ms (docs/benchmarks.md 2026-12-07 19:50).
     */
    public List<PeriodWork> periods(String book) {
        return jdbc.query("""
                with recursive voucher_period(period) as (
                    (select period from report_voucher where book_id = ? order by period limit 1)
                    union all
                    select (select v.period from report_voucher v where v.book_id = ? and v.period > p.period
                            order by v.period limit 1)
                    from voucher_period p where p.period is not null),
                unposted as (
                    select period, count(*) filter (where status = 'RECORDED') recorded,
                           count(*) filter (where status = 'REVIEWED') reviewed
                    from report_voucher where book_id = ? and status in ('RECORDED', 'REVIEWED') group by period),
                closed as (select period from report_closed_period where book_id = ?)
                select p.period, coalesce(u.recorded, 0), coalesce(u.reviewed, 0), c.period is not null
                from (select period from voucher_period where period is not null union select period from closed) p
                left join unposted u on u.period = p.period
                left join closed c on c.period = p.period
                order by p.period desc""",
                (rs, n) -> new PeriodWork(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4)),
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
