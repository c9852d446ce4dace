package org.gongzhang.reporting.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.gongzhang.core.account.Account;
import org.gongzhang.core.account.Side;
import org.gongzhang.reporting.api.Sides;
import org.gongzhang.reporting.api.TrialBalanceRow;
import org.gongzhang.reporting.api.TrialBalanceTotals;
import org.junit.jupiter.api.Test;

/** The 科目余额表 rolls leaf figures up to parents and balances over the 一级科目. */
class TrialBalanceTest {

    private static final List<Account> CHART = List.of(
            Account.of("1002", "银行存款", null, Side.DEBIT),
            Account.of("100201", "业主大会账户（公共收益户）", "1002", Side.DEBIT),
            Account.of("3101", "公共收益累计结余", null, Side.CREDIT),
            Account.of("4701", "共有部分经营收入", null, Side.CREDIT),
            Account.of("470101", "停车场地使用费", "4701", Side.CREDIT),
            Account.of("470102", "广告收入", "4701", Side.CREDIT),
            Account.of("5101", "业务活动成本", null, Side.DEBIT),
            Account.of("510101", "共用部位及设施维修养护", "5101", Side.DEBIT));

    /** Opening 1,000.00 in the bank; parking 300.00 and advertising 200.00 received; a repair of 150.00 paid. */
    private static final Map<String, LeafFigures> FIGURES = Map.of(
            "100201", new LeafFigures(100_000, 50_000, 15_000, 50_000, 15_000),
            "3101", new LeafFigures(-100_000, 0, 0, 0, 0),
            "470101", new LeafFigures(0, 0, 30_000, 0, 30_000),
            "470102", new LeafFigures(0, 0, 20_000, 0, 20_000),
            "510101", new LeafFigures(0, 15_000, 0, 15_000, 0));

    @Test
    void parentsSumTheirDescendants() {
        TrialBalanceRow income = row(TrialBalance.rows(CHART, FIGURES), "4701");

        assertThat(income.leaf()).isFalse();
        assertThat(income.period()).isEqualTo(Sides.of(0, 50_000));
        assertThat(income.closing()).isEqualTo(Sides.of(0, 50_000));
        assertThat(row(TrialBalance.rows(CHART, FIGURES), "470102").leaf()).isTrue();
    }

    @Test
    void closingIsOpeningPlusDebitsMinusCreditsOnTheSideItStandsOn() {
        List<TrialBalanceRow> rows = TrialBalance.rows(CHART, FIGURES);

        assertThat(row(rows, "1002").opening()).isEqualTo(Sides.of(100_000, 0));
        assertThat(row(rows, "1002").closing()).isEqualTo(Sides.of(135_000, 0));
        assertThat(row(rows, "3101").closing()).isEqualTo(Sides.of(0, 100_000));
    }

    @Test
    void totalsRunOverFirstLevelAccountsAndBalance() {
        TrialBalanceTotals totals = TrialBalance.totals(TrialBalance.rows(CHART, FIGURES));

        assertThat(totals.opening()).isEqualTo(Sides.of(100_000, 100_000));
        assertThat(totals.period()).isEqualTo(Sides.of(65_000, 65_000));
        assertThat(totals.closing()).isEqualTo(Sides.of(150_000, 150_000));
        assertThat(totals.balanced()).isTrue();
    }

    @Test
    void aRedVoucherReducesTheSameSideAndStillBalances() {
        Map<String, LeafFigures> red = Map.of(
                "100201", new LeafFigures(0, 0, -15_000, 0, -15_000),
                "510101", new LeafFigures(0, -15_000, 0, -15_000, 0));

        TrialBalanceTotals totals = TrialBalance.totals(TrialBalance.rows(CHART, red));

        assertThat(totals.period()).isEqualTo(Sides.of(-15_000, -15_000));
        assertThat(totals.balanced()).isTrue();
    }

    @Test
    void aFigureMissingFromOneSideIsNotBalanced() {
        Map<String, LeafFigures> lopsided = Map.of("100201", new LeafFigures(100_000, 0, 0, 0, 0));

        assertThat(TrialBalance.totals(TrialBalance.rows(CHART, lopsided)).balanced()).isFalse();
    }

    private static TrialBalanceRow row(List<TrialBalanceRow> rows, String code) {
        return rows.stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }
}
