package org.gongzhang.reporting.exchange;

import java.time.LocalDate;
import org.gongzhang.core.account.AccountCode;
import org.gongzhang.core.account.Side;
import org.gongzhang.core.period.Period;
import org.gongzhang.core.voucher.VoucherWord;

/**
 * A voucher row as read; a field that could not be read is null, and {@code clean} is false when
 * anything in the row was wrong.
 */
record ParsedRow(int row, LocalDate date, VoucherWord word, Integer number, Integer attachments, String summary,
        AccountCode account, Side side, Long fen, boolean clean) {

    /** Which voucher the row belongs to, or null when its date, 字 or 号 could not be read. */
    VoucherKey key() {
        return date == null || word == null || number == null ? null : new VoucherKey(Period.of(date), word, number);
    }

    /** A voucher in a file: rows of the same period, 凭证字 and 凭证号. */
    record VoucherKey(Period period, VoucherWord word, int number) {

        String label() {
            return word.character() + "-" + number;
        }
    }
}
