package org.gongzhang.reporting.pdf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gongzhang.reporting.api.AccountLedgerView;
import org.gongzhang.reporting.api.Amount;
import org.gongzhang.reporting.api.BalanceSide;
import org.gongzhang.reporting.api.LedgerLine;
import org.gongzhang.reporting.api.Sides;
import org.gongzhang.reporting.api.StatementCategory;
import org.gongzhang.reporting.api.StatementItem;
import org.gongzhang.reporting.api.StatementSheet;
import org.gongzhang.reporting.api.StatementView;
import org.gongzhang.reporting.api.TrialBalanceRow;
import org.gongzhang.reporting.api.TrialBalanceTotals;
import org.gongzhang.reporting.api.TrialBalanceView;
import org.gongzhang.reporting.api.VoucherLineView;
import org.gongzhang.reporting.api.VoucherSummary;
import org.gongzhang.reporting.api.VoucherView;
import org.gongzhang.reporting.format.ChineseAmount;

/** Hand-built report views for printing: a compound whose names need rare characters (堃 喆 犇). */
final class Fixtures {

    static final String COMPOUND = "堃喆苑小区";
    static final String BOOK_NAME = COMPOUND + "公共收益账套";
    static final String ADVERTISER = "犇腾传媒有限公司";
    static final String VERIFY_URL = "http://localhost:8080/public/books/kunzhe-public/verify?from=2026-01&to=2026-03";
    static final String ROOT = "5dc9a0c4e1b2f3a4b5c6d7e8f90112233445566778899aabbccddeeff0014328";

    private Fixtures() {
    }

    static StatementView statementFigures() {
        List<StatementCategory> income = List.of(
                new StatementCategory("470101", "停车场地使用费", Amount.of(1_234_567)),
                new StatementCategory("470102", "广告收入（" + ADVERTISER + "）", Amount.of(300_000)),
                new StatementCategory("4801", "利息收入", Amount.of(1_204)));
        List<StatementCategory> expenses = List.of(
                new StatementCategory("510101", "共用部位及设施维修养护", Amount.of(600_000)),
                new StatementCategory("520102", "审计费", Amount.of(85_000)),
                new StatementCategory("5301", "筹资费用（银行手续费）", Amount.of(-1_050)));
        List<StatementItem> items = List.of(
                new StatementItem(41, "v-41", "付-3", LocalDate.of(2026, 3, 12), "510101", "共用部位及设施维修养护",
                        "付喆园单元门维修（犇腾门业）", Amount.of(600_000)),
                new StatementItem(57, "v-57", "付-7", LocalDate.of(2026, 3, 28), "510101", "共用部位及设施维修养护",
                        "注销 3月15日 付-4号凭证", Amount.of(-500_000)));
        long opening = 5_100_000;
        long totalIncome = 1_234_567 + 300_000 + 1_204;
        long totalExpenses = 600_000 + 85_000 - 1_050;
        long transfer = 200_000;
        long closing = opening + totalIncome - totalExpenses - transfer;
        return new StatementView("kunzhe-public", COMPOUND + "公共收益账套", "2026-01", "2026-03", Amount.of(500_000), 158,
                Amount.of(opening), income, Amount.of(totalIncome), expenses, Amount.of(totalExpenses),
                Amount.of(transfer), Amount.of(closing), ChineseAmount.of(closing), items);
    }

    static StatementSheet statement() {
        return new StatementSheet(statementFigures(), new StatementSheet.Place("北山街道", "新河社区", COMPOUND),
                new StatementSheet.Signatories("李娜", "王强", "赵敏"),
                new StatementSheet.Checkpoint(158, ROOT), VERIFY_URL,
                new StatementSheet.Publication("GS-2026-Q1-007", 2, StatementSheet.Status.PUBLISHED,
                        LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 17), false),
                LocalDate.of(2026, 4, 2), new StatementSheet.Issuer("新河社区居民委员会", "0571-8800 1234"));
    }

    /** A statement of which nothing is known but its figures. */
    static StatementSheet bareStatement() {
        return new StatementSheet(statementFigures(), null, null, null, null, null, null, null);
    }

    static TrialBalanceView trialBalance(boolean balanced) {
        List<TrialBalanceRow> rows = new ArrayList<>();
        rows.add(row("1002", "银行存款", 1, false, "DEBIT", Sides.of(5_100_000, 0), Sides.of(1_535_771, 885_950),
                Sides.of(1_535_771, 885_950), Sides.of(5_749_821, 0)));
        rows.add(row("100201", "业主大会账户（公共收益户）", 2, true, "DEBIT", Sides.of(5_100_000, 0),
                Sides.of(1_535_771, 885_950), Sides.of(1_535_771, 885_950), Sides.of(5_749_821, 0)));
        rows.add(row("3101", "公共收益累计结余", 1, true, "CREDIT", Sides.of(0, 5_100_000), Sides.NONE, Sides.NONE,
                Sides.of(0, 5_100_000)));
        rows.add(row("4701", "共有部分经营收入", 1, false, "CREDIT", Sides.NONE, Sides.of(0, 1_534_567),
                Sides.of(0, 1_534_567), Sides.of(0, 1_534_567)));
        rows.add(row("470102", "广告收入（" + ADVERTISER + "）", 2, true, "CREDIT", Sides.NONE, Sides.of(0, 1_534_567),
                Sides.of(0, 1_534_567), Sides.of(0, 1_534_567)));
        rows.add(row("4801", "利息收入", 1, true, "CREDIT", Sides.NONE, Sides.of(0, 1_204), Sides.of(0, 1_204),
                Sides.of(0, 1_204)));
        rows.add(row("5101", "业务活动成本", 1, false, "DEBIT", Sides.NONE, Sides.of(885_950, 0),
                Sides.of(885_950, 0), Sides.of(885_950, 0)));
        rows.add(row("510103", "改造工程支出", 2, false, "DEBIT", Sides.NONE, Sides.NONE, Sides.NONE, Sides.NONE));
        TrialBalanceTotals totals = TrialBalanceTotals.NONE;
        for (TrialBalanceRow row : rows) {
            if (row.level() == 1) {
                totals = totals.plus(row);
            }
        }
        if (!balanced) {
            totals = totals.plus(row("9999", "", 1, true, "DEBIT", Sides.of(1, 0), Sides.NONE, Sides.NONE, Sides.NONE));
        }
        return new TrialBalanceView("kunzhe-public", COMPOUND + "公共收益账套", "2026-01", "2026-03", 158, rows, totals,
                totals.balanced());
    }

    private static TrialBalanceRow row(String code, String name, int level, boolean leaf, String direction,
            Sides opening, Sides period, Sides year, Sides closing) {
        return new TrialBalanceRow(code, name, level, leaf, !code.equals("510103"), direction, opening, period, year,
                closing);
    }

    static AccountLedgerView ledger() {
        List<LedgerLine> lines = List.of(
                new LedgerLine(LocalDate.of(2026, 1, 5), "v-1", "收-1", "收1月停车费（喆）", "100201", Amount.of(1_234_567),
                        Amount.ZERO, BalanceSide.DEBIT, Amount.of(6_334_567)),
                new LedgerLine(LocalDate.of(2026, 2, 10), "v-2", "收-2", "收" + ADVERTISER + "广告费", "100201",
                        Amount.of(300_000), Amount.ZERO, BalanceSide.DEBIT, Amount.of(6_634_567)),
                new LedgerLine(LocalDate.of(2026, 3, 12), "v-3", "付-3", "付堃园单元门维修", "100201", Amount.ZERO,
                        Amount.of(600_000), BalanceSide.DEBIT, Amount.of(6_034_567)),
                new LedgerLine(LocalDate.of(2026, 3, 28), "v-7", "付-7", "注销 3月15日 付-4号凭证", "100201", Amount.ZERO,
                        Amount.of(-186_000), BalanceSide.DEBIT, Amount.of(6_220_567)));
        return new AccountLedgerView("kunzhe-public", "1002", "银行存款", "DEBIT", "2026-01", "2026-03", 158,
                BalanceSide.DEBIT, Amount.of(5_100_000), lines, Amount.of(1_534_567), Amount.of(414_000),
                BalanceSide.DEBIT, Amount.of(6_220_567));
    }

    static VoucherView voucher() {
        VoucherSummary summary = new VoucherSummary("v-3", "付", 3, "付-3", LocalDate.of(2026, 3, 12), "2026-03",
                "POSTED", "付喆园单元门维修（犇腾门业）", Amount.of(1_234_567), 2, "agent:li-na", "community:zhao-min",
                "agent:wang-qiang", false, null, null, null, 40, 41L);
        List<VoucherLineView> lines = List.of(
                new VoucherLineView(1, "付喆园单元门维修（犇腾门业）", "510101", "共用部位及设施维修养护", Amount.of(1_200_000),
                        Amount.ZERO),
                new VoucherLineView(2, "付银行手续费", "5301", "筹资费用（银行手续费）", Amount.of(34_567), Amount.ZERO),
                new VoucherLineView(3, "付喆园单元门维修（犇腾门业）", "100201", "业主大会账户（公共收益户）", Amount.ZERO,
                        Amount.of(1_234_567)));
        Sides totals = Sides.of(1_234_567, 1_234_567);
        return new VoucherView("kunzhe-public", 158, summary, lines, totals, ChineseAmount.of(totals.debit().fen()));
    }

    static VoucherView redVoucher() {
        VoucherSummary summary = new VoucherSummary("v-7", "付", 7, "付-7", LocalDate.of(2026, 3, 28), "2026-03",
                "POSTED", "注销 3月15日 付-4号凭证", Amount.of(-186_000), 0, "agent:li-na", "agent:wang-qiang",
                "agent:wang-qiang", true, "v-4", null, null, 55, 57L);
        List<VoucherLineView> lines = List.of(
                new VoucherLineView(1, "注销 3月15日 付-4号凭证", "510103", "改造工程支出", Amount.of(-186_000), Amount.ZERO),
                new VoucherLineView(2, "注销 3月15日 付-4号凭证", "100201", "业主大会账户（公共收益户）", Amount.ZERO,
                        Amount.of(-186_000)));
        Sides totals = Sides.of(-186_000, -186_000);
        return new VoucherView("kunzhe-public", 158, summary, lines, totals, ChineseAmount.of(totals.debit().fen()));
    }
}
