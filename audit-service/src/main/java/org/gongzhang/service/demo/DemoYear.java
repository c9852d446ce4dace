package org.gongzhang.service.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.gongzhang.service.custody.CustodialKey;
import org.gongzhang.service.custody.CustodialKeys;
import org.gongzhang.verifier.entry.Role;

/**
 * A year in one compound's public-income book: monthly parking fees and rent, quarterly
 * advertising and interest, a telecom base station's annual rent, repairs, the agent's and the
 * auditor's fees, one transfer to the maintenance fund, one red reversal with its correction, one
 * voided duplicate, a key registered and later revoked, and every period but the last two closed.
 */
final class DemoYear {

    /** The agent's second preparer, whose key the year registers and later revokes. */
    static final String SECOND_PREPARER = "agent:chen-jie";

    private final DemoBook book;
    private final DemoCompound compound;
    private final ArrayNode accounts;
    private final CustodialKeys keys;
    private final List<Dated> days = new ArrayList<>();

    private record Dated(LocalDate date, Consumer<LocalDate> action) {
    }

    DemoYear(DemoBook book, DemoCompound compound, ArrayNode accounts, CustodialKeys keys) {
        this.book = book;
        this.compound = compound;
        this.accounts = accounts;
        this.keys = keys;
    }

    void write() {
        YearMonth start = DemoData.firstPeriod(book.today());
        YearMonth closeThrough = YearMonth.from(book.today()).minusMonths(2);
        book.open(compound, start, accounts);
        book.openingBalances(start.atDay(1), yuan(compound.parkingSpaces() * 155_000L + 6_420_35L),
                yuan(compound.parkingSpaces() * 155_000L), "6420.35");
        for (int i = 0; !start.plusMonths(i).isAfter(YearMonth.from(book.today())); i++) {
            YearMonth month = start.plusMonths(i);
            int index = i;
            // a month's entries in one transaction (a first start spent ~60 % of the year's time
            // in round trips and commits of one entry each: docs/benchmarks.md 2026-12-06 23:06)
            book.together(() -> {
                month(month, index);
                if (!month.isAfter(closeThrough)) {
                    book.closePeriod(month);
                }
            });
        }
    }

    /** A month's business, written day by day so that each 凭证字 is numbered in date order. */
    private void month(YearMonth month, int i) {
        if (day(month, 5) == null) {
            return;
        }
        String parking = yuan(compound.parkingSpaces() * 12_000L + i * 3_750L + (i % 3) * 1_234L);
        at(month, 5, d -> book.book(income("收", d, "收" + month.getMonthValue() + "月临时停车场地使用费", "470101", parking), false));
        at(month, 8, d -> book.book(income("收", d, "收" + month.getMonthValue() + "月物业用房租金（快递驿站）", "470103", "3600.00"), false));
        if (month.getMonthValue() % 3 == 1) {
            at(month, 12, d -> book.book(income("收", d, "收电梯广告位季度使用费（" + compound.advertiser() + "）", "470102", "18000.00")
                    .attach(book.attachment("广告合同及发票 " + compound.id() + " " + d), "广告费发票.pdf"), false));
        }
        if (month.getMonthValue() % 3 == 0) {
            at(month, 21, d -> book.book(income("收", d, "银行结息", "4801", yuan(4_372L + i * 13L)), false));
        }
        if (i == 5) {
            at(month, 15, d -> book.book(income("收", d, "收通信基站场地年租金（" + compound.tower() + "）", "470104", "24000.00")
                    .attach(book.attachment("基站租赁合同 " + compound.id()), "基站租赁合同.pdf"), false));
        }
        if (i % 2 == 0) {
            at(month, 18, d -> book.book(expense(d, "电梯维保费（杭州堃安电梯工程有限公司）", "510101", "2350.00")
                    .attach(book.attachment("维保发票 " + compound.id() + " " + d), "维保发票.pdf"), true));
        }
        at(month, 25, d -> book.book(new DemoVoucher("付", d)
                .debit("支付" + month.getMonthValue() + "月代理记账费", "520103", "800.00")
                .debit("银行手续费", "5301", "12.00")
                .credit("支付" + month.getMonthValue() + "月代理记账费及手续费", "100201", "812.00"), true));
        special(month, i);
        days.stream().sorted(Comparator.comparing(Dated::date)).forEach(dated -> dated.action().accept(dated.date()));
        days.clear();
    }

    private void special(YearMonth month, int i) {
        switch (i) {
            case 3 -> at(month, 10, d -> book.registerKey(newPreparer(), "陈洁", d));
            case 4 -> at(month, 9, d -> book.book(expense(d, "重阳节敬老活动用品", "510102", "1280.00"), true));
            case 6 -> at(month, 11, d -> book.revokeKey(newPreparer(), "离职，停用其签名密钥", d));
            case 7 -> at(month, 14, this::reversalAndCorrection);
            case 8 -> at(month, 6, d -> {
                DemoVoucher duplicate = income("收", d, "收临时停车费（重复录入）", "470101", "500.00");
                book.record(duplicate);
                book.voidVoucher(duplicate.id(), d, "与本月停车费凭证重复，作废");
            });
            case 9 -> at(month, 28, d -> book.book(new DemoVoucher("付", d)
                    .debit("按业主大会决定转入专项维修资金", "5501", "30000.00")
                    .credit("按业主大会决定转入专项维修资金", "100201", "30000.00"), true));
            case 10 -> at(month, 20, d -> book.book(expense(d, "年度财务审计费（浙江喆信会计师事务所）", "520102", "6000.00")
                    .attach(book.attachment("审计费发票 " + compound.id()), "审计费发票.pdf"), true));
            default -> {
                // an ordinary month
            }
        }
    }

    /** A repair booked to the wrong account, cancelled by a red voucher and booked again correctly. */
    private void reversalAndCorrection(LocalDate date) {
        String wrong = book.book(expense(date, "小区路灯维修", "510103", "1860.00"), true);
        LocalDate later = date.plusDays(3).isAfter(book.today()) ? date : date.plusDays(3);
        book.reverse(wrong, later, "科目用错：路灯维修属维修养护，不属改造工程");
        book.book(expense(later, "订正：小区路灯维修", "510101", "1860.00").corrects(wrong), true);
    }

    private CustodialKey newPreparer() {
        return keys.forActor(SECOND_PREPARER, Role.AGENT_PREPARER);
    }

    private DemoVoucher income(String word, LocalDate date, String summary, String account, String amount) {
        return new DemoVoucher(word, date).debit(summary, "100201", amount).credit(summary, account, amount);
    }

    private DemoVoucher expense(LocalDate date, String summary, String account, String amount) {
        return new DemoVoucher("付", date).debit(summary, account, amount).credit(summary, "100201", amount);
    }

    /** Schedules the action for that day of the month, unless the day is still in the future. */
    private void at(YearMonth month, int dayOfMonth, Consumer<LocalDate> action) {
        LocalDate date = day(month, dayOfMonth);
        if (date != null) {
            days.add(new Dated(date, action));
        }
    }

    /** The day in the month, or null when it is still in the future. */
    private LocalDate day(YearMonth month, int dayOfMonth) {
        LocalDate date = month.atDay(Math.min(dayOfMonth, month.lengthOfMonth()));
        return date.isAfter(book.today()) ? null : date;
    }

    static String yuan(long fen) {
        return (fen / 100) + "." + String.format("%02d", fen % 100);
    }
}
