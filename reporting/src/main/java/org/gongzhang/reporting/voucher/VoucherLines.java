package org.gongzhang.reporting.voucher;

import java.util.List;
import org.gongzhang.core.account.AccountCode;
import org.gongzhang.core.account.Side;
import org.gongzhang.core.money.Money;
import org.gongzhang.core.voucher.VoucherLine;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 分录 of one voucher as the read model holds them, read back as ledger lines: on the side that
 * carries the amount, negative on a red voucher.
 */
public final class VoucherLines {

    private VoucherLines() {
    }

    public static List<VoucherLine> of(JdbcTemplate jdbc, String book, String voucherId) {
        return jdbc.query("""
                select summary, account, debit_fen, credit_fen from report_voucher_line
                where book_id = ? and voucher_id = ? order by line_no""",
                (rs, n) -> rs.getLong(3) != 0
                        ? new VoucherLine(rs.getString(1), AccountCode.of(rs.getString(2)), Side.DEBIT, Money.ofFen(rs.getLong(3)))
                        : new VoucherLine(rs.getString(1), AccountCode.of(rs.getString(2)), Side.CREDIT, Money.ofFen(rs.getLong(4))),
                book, voucherId);
    }
}
