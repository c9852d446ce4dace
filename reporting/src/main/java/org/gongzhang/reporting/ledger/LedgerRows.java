package org.gongzhang.reporting.ledger;

import java.util.ArrayList;
import java.util.List;
import org.gongzhang.core.period.Period;
import org.gongzhang.reporting.api.AccountLedgerView;
import org.gongzhang.reporting.api.Amount;
import org.gongzhang.reporting.api.BalanceSide;
import org.gongzhang.reporting.api.LedgerLine;

/**
 * A 三栏明细账 as a bookkeeper reads it: 期初余额, the lines of each month followed by 本月合计 and
 * 本年累计 (from January of that year), each with the balance and its side (借/贷/平).
 */
public final class LedgerRows {

    /** 期初余额, a posted line, 本月合计, 本年累计. */
    public enum Kind { OPENING, LINE, MONTH, YEAR }

    /** One row: a line carries its voucher and 摘要; the others their period in {@code date}. */
    public record Row(Kind kind, String date, String voucherId, String voucherNumber, String summary, Amount debit,
            Amount credit, BalanceSide side, Amount balance) {
    }

    private LedgerRows() {
    }

    /**
     * The rows for periods {@code from}…{@code to}, from a ledger read from January of {@code from}'s
     * year (so the year's totals are whole).
     */
    public static List<Row> of(AccountLedgerView yearLedger, Period from, Period to) {
        List<Row> rows = new ArrayList<>();
        long balance = signed(yearLedger.openingSide(), yearLedger.opening());
        long yearDebit = 0;
        long yearCredit = 0;
        int at = 0;
        List<LedgerLine> lines = yearLedger.lines();
        while (at < lines.size() && Period.of(lines.get(at).date()).isBefore(from)) {
            LedgerLine line = lines.get(at++);
            balance += line.debit().fen() - line.credit().fen();
            yearDebit += line.debit().fen();
            yearCredit += line.credit().fen();
        }
        rows.add(new Row(Kind.OPENING, from.toString(), null, null, null, null, null, BalanceSide.of(balance),
                Amount.of(Math.abs(balance))));
        for (Period month = from; !month.isAfter(to); month = month.next()) {
            if (month.month() == 1) {
                yearDebit = 0;
                yearCredit = 0;
            }
            long debit = 0;
            long credit = 0;
            while (at < lines.size() && Period.of(lines.get(at).date()).equals(month)) {
                LedgerLine line = lines.get(at++);
                balance += line.debit().fen() - line.credit().fen();
                debit += line.debit().fen();
                credit += line.credit().fen();
                rows.add(new Row(Kind.LINE, line.date().toString(), line.voucherId(), line.voucherNumber(),
                        line.summary(), line.debit(), line.credit(), BalanceSide.of(balance), Amount.of(Math.abs(balance))));
            }
            yearDebit += debit;
            yearCredit += credit;
            rows.add(new Row(Kind.MONTH, month.toString(), null, null, null, Amount.of(debit), Amount.of(credit),
                    BalanceSide.of(balance), Amount.of(Math.abs(balance))));
            rows.add(new Row(Kind.YEAR, month.toString(), null, null, null, Amount.of(yearDebit), Amount.of(yearCredit),
                    BalanceSide.of(balance), Amount.of(Math.abs(balance))));
        }
        return rows;
    }

    /** Where a ledger for {@code from} is read from: January of its year, or the book's first period if later. */
    public static Period yearStart(Period from, Period bookStart) {
        Period january = Period.parse(from.year() + "-01");
        return january.isBefore(bookStart) ? bookStart : january;
    }

    private static long signed(BalanceSide side, Amount amount) {
        return side == BalanceSide.CREDIT ? -amount.fen() : amount.fen();
    }
}
