package org.gongzhang.reporting.book;

import java.util.List;
import java.util.Optional;
import org.gongzhang.core.account.Account;
import org.gongzhang.core.account.AccountCode;
import org.gongzhang.core.account.ChartOfAccounts;
import org.gongzhang.core.account.Side;
import org.springframework.jdbc.core.JdbcTemplate;

/** A book's 科目表 as the read model holds it, disabled accounts included. */
public final class ChartReader {

    private final JdbcTemplate jdbc;

    public ChartReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The chart by code. */
    public ChartOfAccounts chart(String book) {
        List<Account> accounts = jdbc.query("""
                select code, name, parent, direction, enabled from report_account where book_id = ? order by code""",
                (rs, n) -> new Account(AccountCode.of(rs.getString(1)), rs.getString(2),
                        rs.getString(3) == null ? null : AccountCode.of(rs.getString(3)),
                        Side.valueOf(rs.getString(4)), rs.getBoolean(5)), book);
        return ChartOfAccounts.of(accounts);
    }

    public Optional<Account> account(String book, String code) {
        return AccountCode.isValid(code) ? chart(book).find(AccountCode.of(code)) : Optional.empty();
    }
}
