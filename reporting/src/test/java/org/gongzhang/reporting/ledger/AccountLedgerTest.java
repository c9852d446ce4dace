package org.gongzhang.reporting.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.gongzhang.reporting.api.Amount;
import org.gongzhang.reporting.api.BalanceSide;
import org.gongzhang.reporting.api.LedgerLine;
import org.junit.jupiter.api.Test;

/** The 三栏明细账 carries a running balance with its side. */
class AccountLedgerTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 5);

    @Test
    void eachLineMovesTheBalanceAndSaysWhichSideItStandsOn() {
        List<LedgerLine> lines = AccountLedger.running(10_000, List.of(
                line("收-1", 5_000, 0),
                line("付-1", 0, 15_000),
                line("付-2", 0, 2_500)));

        assertThat(lines).extracting(LedgerLine::side)
                .containsExactly(BalanceSide.DEBIT, BalanceSide.FLAT, BalanceSide.CREDIT);
        assertThat(lines).extracting(LedgerLine::balance)
                .containsExactly(Amount.of(15_000), Amount.of(0), Amount.of(2_500));
    }

    @Test
    void aRedLineTakesBackWhatItsVoucherAdded() {
        List<LedgerLine> lines = AccountLedger.running(0, List.of(line("付-3", 186_000, 0), line("付-5", -186_000, 0)));

        assertThat(lines.get(1).side()).isEqualTo(BalanceSide.FLAT);
        assertThat(lines.get(1).debit().yuan()).isEqualTo("-1,860.00");
    }

    private static PostedLine line(String number, long debit, long credit) {
        return new PostedLine(DAY, "v-" + number, number, "摘要", "510101", debit, credit);
    }
}
