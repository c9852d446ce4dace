package org.gongzhang.reporting.projection;

import java.util.List;
import org.gongzhang.core.account.Side;
import org.gongzhang.core.book.api.payload.AccountAdded;
import org.gongzhang.core.book.api.payload.AccountDefinition;
import org.gongzhang.core.book.api.payload.BalanceLine;
import org.gongzhang.core.book.api.payload.BookOpened;
import org.gongzhang.core.period.Period;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes a book's heading, 科目表, 期初余额 and 结账 state. */
final class ChartWriter {

    private final JdbcTemplate jdbc;

    ChartWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void open(String book, BookOpened opened) {
        jdbc.update("insert into report_book (book_id, name, fund, compound, start_period) values (?, ?, ?, ?, ?)",
                book, opened.name(), opened.fund().name(), opened.compound().name(), opened.startPeriod().toString());
        jdbc.batchUpdate("""
                insert into report_account (book_id, code, name, parent, direction, enabled)
                values (?, ?, ?, ?, ?, true)""",
                opened.accounts().stream().map(a -> account(book, a)).toList());
    }

    private static Object[] account(String book, AccountDefinition a) {
        return new Object[] {book, a.code().value(), a.name(), a.parent() == null ? null : a.parent().value(),
                a.direction().name()};
    }

    /** A 明细科目 takes its parent's direction. */
    void add(String book, AccountAdded added) {
        jdbc.update("""
                insert into report_account (book_id, code, name, parent, direction, enabled)
                select book_id, ?, ?, code, direction, true from report_account where book_id = ? and code = ?""",
                added.code().value(), added.name(), book, added.parent().value());
    }

    void disable(String book, String code) {
        jdbc.update("update report_account set enabled = false where book_id = ? and code = ?", book, code);
    }

    void openingBalances(String book, List<BalanceLine> balances) {
        jdbc.update("delete from report_opening_balance where book_id = ?", book);
        jdbc.batchUpdate("insert into report_opening_balance (book_id, account, debit_fen, credit_fen) values (?, ?, ?, ?)",
                balances.stream().map(b -> new Object[] {book, b.account().value(),
                        b.side() == Side.DEBIT ? b.amount().fen() : 0L,
                        b.side() == Side.CREDIT ? b.amount().fen() : 0L}).toList());
    }

    void close(String book, Period period, long entryIndex) {
        jdbc.update("insert into report_closed_period (book_id, period, entry_index) values (?, ?, ?)",
                book, period.toString(), entryIndex);
    }

    void reopen(String book, Period period) {
        jdbc.update("delete from report_closed_period where book_id = ? and period = ?", book, period.toString());
    }
}
