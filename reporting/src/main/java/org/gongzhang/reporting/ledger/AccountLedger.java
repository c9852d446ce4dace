package org.gongzhang.reporting.ledger;

import java.util.ArrayList;
import java.util.List;
import org.gongzhang.reporting.api.Amount;
import org.gongzhang.reporting.api.BalanceSide;
import org.gongzhang.reporting.api.LedgerLine;

/** The running balance of a 三栏明细账: each line moves the balance by its debit minus its credit. */
public final class AccountLedger {

    private AccountLedger() {
    }

    /** The lines in order, each with the balance after it, starting from {@code openingNet} (debit minus credit). */
    public static List<LedgerLine> running(long openingNet, List<PostedLine> posted) {
        List<LedgerLine> lines = new ArrayList<>(posted.size());
        long balance = openingNet;
        for (PostedLine line : posted) {
            balance = Math.addExact(balance, Math.subtractExact(line.debit(), line.credit()));
            lines.add(new LedgerLine(line.date(), line.voucherId(), line.voucherNumber(), line.summary(),
                    line.account(), Amount.of(line.debit()), Amount.of(line.credit()), BalanceSide.of(balance),
                    Amount.of(Math.abs(balance))));
        }
        return lines;
    }
}
