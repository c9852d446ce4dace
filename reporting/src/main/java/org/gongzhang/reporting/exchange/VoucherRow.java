package org.gongzhang.reporting.exchange;

import java.time.LocalDate;
import java.util.function.UnaryOperator;
import org.gongzhang.core.account.Side;
import org.gongzhang.core.money.Money;
import org.gongzhang.core.voucher.VoucherWord;

/**
 * One row of the voucher layout: one line of a posted voucher with the voucher's heading.
 *
 * @param date        日期
 * @param word        凭证字
 * @param number      凭证号
 * @param attachments 附单据数
 * @param summary     摘要
 * @param account     科目代码
 * @param accountName 科目名称
 * @param side        借方 or 贷方: the column the amount stands in
 * @param fen         the amount in 分; negative on a red voucher (红字), as the ledger holds it
 * @param preparer    制单人: the preparer's actor id as the ledger holds it; by name in an export
 */
public record VoucherRow(LocalDate date, VoucherWord word, int number, int attachments, String summary,
        String account, String accountName, Side side, long fen, String preparer) {

    /** The same row with 制单人 as {@code names} calls the preparer (an actor id in, a name out). */
    public VoucherRow withPreparerNamed(UnaryOperator<String> names) {
        return new VoucherRow(date, word, number, attachments, summary, account, accountName, side, fen,
                names.apply(preparer));
    }

    /** The cell as text: dates {@code 2026-03-15}, amounts {@code 12345.67}, an empty cell as "". */
    public String text(VoucherColumn column) {
        return switch (column) {
            case DATE -> date.toString();
            case WORD -> word.character();
            case NUMBER -> Integer.toString(number);
            case ATTACHMENTS -> Integer.toString(attachments);
            case SUMMARY -> summary;
            case ACCOUNT -> account;
            case ACCOUNT_NAME -> accountName;
            case DEBIT -> side == Side.DEBIT ? Money.ofFen(fen).format() : "";
            case CREDIT -> side == Side.CREDIT ? Money.ofFen(fen).format() : "";
            case PREPARER -> preparer;
        };
    }
}
