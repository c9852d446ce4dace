package org.gongzhang.reporting.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhang.reporting.exchange.ExchangeFixtures.TODAY;
import static org.gongzhang.reporting.exchange.ExchangeFixtures.book;
import static org.gongzhang.reporting.exchange.ExchangeFixtures.check;
import static org.gongzhang.reporting.exchange.VoucherColumn.ACCOUNT;
import static org.gongzhang.reporting.exchange.VoucherColumn.ACCOUNT_NAME;
import static org.gongzhang.reporting.exchange.VoucherColumn.ATTACHMENTS;
import static org.gongzhang.reporting.exchange.VoucherColumn.CREDIT;
import static org.gongzhang.reporting.exchange.VoucherColumn.DATE;
import static org.gongzhang.reporting.exchange.VoucherColumn.DEBIT;
import static org.gongzhang.reporting.exchange.VoucherColumn.NUMBER;
import static org.gongzhang.reporting.exchange.VoucherColumn.SUMMARY;
import static org.gongzhang.reporting.exchange.VoucherColumn.WORD;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.gongzhang.core.account.AccountCode;
import org.gongzhang.core.account.Side;
import org.gongzhang.core.money.Money;
import org.gongzhang.core.voucher.VoucherLine;
import org.gongzhang.core.voucher.VoucherWord;
import org.junit.jupiter.api.Test;

/** A file is checked whole: every problem is found, with its row as a spreadsheet shows it. */
class VoucherFileCheckTest {

    private static final String BANK = "100201,业主大会账户（公共收益户）";
    private static final String PARKING = "470101,停车场地使用费";
    private static final String REPAIR = "510101,共用部位及设施维修养护";

    @Test
    void aGoodFilePassesWithItsVouchersInFileOrder() {
        ImportCheck check = check(book(),
                "2026-03-05,收,1,1,收停车费," + BANK + ",1500.00,,李娜",
                "2026-03-05,收,1,1,收停车费," + PARKING + ",,1500.00,李娜",
                "2026-03-09,付,1,0,电梯维保," + REPAIR + ",2350,,李娜",
                "2026-03-09,付,1,0,电梯维保," + BANK + ",,2350.0,李娜");

        assertThat(check.problems()).isEmpty();
        assertThat(check.conflicts()).isEmpty();
        assertThat(check.plan().vouchers()).hasSize(2);
        PlannedVoucher payment = check.plan().vouchers().get(1);
        assertThat(payment.lines()).containsExactly(
                new VoucherLine("电梯维保", AccountCode.of("510101"), Side.DEBIT, Money.ofFen(235_000)),
                new VoucherLine("电梯维保", AccountCode.of("100201"), Side.CREDIT, Money.ofFen(235_000)));
        assertThat(check.plan().vouchers().get(0).attachments()).isEqualTo(1);
    }

    @Test
    void numbersFollowDatesWithinTheFileAndAfterTheBook() {
        ImportCheck check = check(book().numbered("2026-03", "付", 1, "2026-03-10"),
                "2026-03-09,付,2,0,电梯维保," + REPAIR + ",2350,,李娜",
                "2026-03-09,付,2,0,电梯维保," + BANK + ",,2350,李娜",
                "2026-03-12,收,1,0,收停车费," + BANK + ",1500.00,,李娜",
                "2026-03-12,收,1,0,收停车费," + PARKING + ",,1500.00,李娜",
                "2026-03-11,收,2,0,收停车费," + BANK + ",1500.00,,李娜",
                "2026-03-11,收,2,0,收停车费," + PARKING + ",,1500.00,李娜",
                "2026-03-12,收,3,0,收停车费," + BANK + ",1500.00,,李娜",
                "2026-03-12,收,3,0,收停车费," + PARKING + ",,1500.00,李娜");

        assertThat(check.problems()).containsExactly(
                FileProblem.at(2, DATE, "import.date.out-of-order", "付-2", "2026-03-09", "2026-03-10"),
                FileProblem.at(6, DATE, "import.date.out-of-order", "收-2", "2026-03-11", "2026-03-12"));
        assertThat(check.passed()).isFalse();
    }

    @Test
    void anEmptyFileOrOneWithOnlyTheHeaderIsRefused() {
        ImportCheck empty = VoucherFileCheck.check(ExchangeFormat.CSV.read(new byte[0]), book(), TODAY);
        ImportCheck blankLines = VoucherFileCheck.check(ExchangeFormat.CSV.read(",,,\r\n\r\n".getBytes(StandardCharsets.UTF_8)), book(), TODAY);
        ImportCheck headerOnly = VoucherFileCheck.check(ExchangeFormat.CSV.read(
                (ExchangeFixtures.HEADER + "\r\n").getBytes(StandardCharsets.UTF_8)), book(), TODAY);

        assertThat(empty.problems()).containsExactly(FileProblem.at(1, null, "import.file.empty"));
        assertThat(blankLines.problems()).containsExactly(FileProblem.at(1, null, "import.file.empty"));
        assertThat(headerOnly.problems()).containsExactly(FileProblem.at(2, null, "import.file.no-rows"));
        assertThat(empty.passed()).isFalse();
    }

    @Test
    void aFileWithoutTheHeaderRowIsRefusedAtRowOne() {
        byte[] noHeader = ("2026-03-05,收,1,0,收停车费," + BANK + ",1500.00,,李娜\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] swapped = ExchangeFixtures.HEADER.replace("借方金额,贷方金额", "贷方金额,借方金额")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(VoucherFileCheck.check(ExchangeFormat.CSV.read(noHeader), book(), TODAY).problems())
                .singleElement().satisfies(p -> {
                    assertThat(p.row()).isEqualTo(1);
                    assertThat(p.column()).isEqualTo(DATE);
                    assertThat(p.code()).isEqualTo("import.header.mismatch");
                    assertThat(p.args()).startsWith("日期", "2026-03-05");
                });
        assertThat(VoucherFileCheck.check(ExchangeFormat.CSV.read(swapped), book(), TODAY).problems())
                .extracting(FileProblem::row, FileProblem::column).containsExactly(org.assertj.core.groups.Tuple.tuple(1, DEBIT));
    }

    @Test
    void badAmountsAreRefusedAtTheirRowAndColumn() {
        ImportCheck check = check(book(),
                "2026-03-05,收,1,0,收停车费," + BANK + ",15OO.00,,李娜",
                "2026-03-05,收,1,0,收停车费," + PARKING + ",,1500.001,李娜",
                "2026-03-06,收,2,0,收停车费," + BANK + ",0.00,,李娜",
                "2026-03-06,收,2,0,收停车费," + PARKING + ",,\"12,345.00\",李娜",
                "2026-03-07,收,3,0,收停车费," + BANK + ",1000000000000.00,,李娜",
                "2026-03-07,收,3,0,收停车费," + PARKING + ",,--5,李娜");

        assertThat(check.problems()).containsExactly(
                FileProblem.at(2, DEBIT, "import.amount.malformed", "15OO.00"),
                FileProblem.at(3, CREDIT, "import.amount.too-many-decimals", "1500.001"),
                FileProblem.at(4, DEBIT, "import.amount.zero", "0.00"),
                FileProblem.at(5, CREDIT, "import.amount.malformed", "12,345.00"),
                FileProblem.at(6, DEBIT, "import.amount.too-large", "1000000000000.00", "999999999999.99"),
                FileProblem.at(7, CREDIT, "import.amount.malformed", "--5"));
        assertThat(check.plan()).isNull();
    }

    @Test
    void aLineHasExactlyOneSide() {
        ImportCheck check = check(book(),
                "2026-03-05,收,1,0,收停车费," + BANK + ",1500.00,1500.00,李娜",
                "2026-03-05,收,1,0,收停车费," + PARKING + ",,,李娜");

        assertThat(check.problems()).containsExactly(
                FileProblem.at(2, DEBIT, "import.amount.both-sides", "1500.00", "1500.00"),
                FileProblem.at(3, DEBIT, "import.amount.missing"));
    }

    @Test
    void accountsMustBeEnabledLeavesOfTheChartUnderTheirOwnName() {
        ImportCheck check = check(book(),
                "2026-03-05,收,1,0,收停车费,100299,不存在的科目,1500.00,,李娜",
                "2026-03-05,收,1,0,收停车费,4701,共有部分经营收入,,500.00,李娜",
                "2026-03-05,收,1,0,收充电桩费,470105,充电桩电费差价,,500.00,李娜",
                "2026-03-05,收,1,0,收停车费,470101,停车费,,500.00,李娜",
                "2026-03-05,收,1,0,收停车费,47-01,停车费,,500.00,李娜");

        assertThat(check.problems()).containsExactly(
                FileProblem.at(2, ACCOUNT, "import.account.unknown", "100299"),
                FileProblem.at(3, ACCOUNT, "import.account.not-leaf", "4701"),
                FileProblem.at(4, ACCOUNT, "import.account.disabled", "470105"),
                FileProblem.at(5, ACCOUNT_NAME, "import.account.name-mismatch", "停车费", "470101", "停车场地使用费"),
                FileProblem.at(6, ACCOUNT, "import.account.invalid", "47-01"));
    }

    @Test
    void anUnbalancedVoucherIsRefusedAtItsFirstRow() {
        ImportCheck check = check(book(),
                "2026-03-05,收,1,0,收停车费," + BANK + ",1500.00,,李娜",
                "2026-03-05,收,1,0,收停车费," + PARKING + ",,1499.99,李娜");

        assertThat(check.problems()).containsExactly(
                FileProblem.at(2, DEBIT, "import.voucher.unbalanced", "收-1", "1500.00", "1499.99"));
    }

    @Test
    void aVoucherWithABadRowIsNotAlsoCalledUnbalanced() {
        ImportCheck check = check(book(),
                "2026-03-05,收,1,0,收停车费," + BANK + ",1500.00,,李娜",
                "2026-03-05,收,1,0,收停车费," + PARKING + ",,1500.0x,李娜");

        assertThat(check.problems()).containsExactly(FileProblem.at(3, CREDIT, "import.amount.malformed", "1500.0x"));
    }

    @Test
    void aRowWhoseVoucherCannotBeToldLeavesTheVouchersAroundItUnjudged() {
        ImportCheck check = check(book(),
                "2026-03-05,收,1,0,收停车费," + BANK + ",1500.00,,李娜",
                "2026-03-05,收,1,0,收停车费," + PARKING + ",,1500.00,李娜",
                "2026-03-09,现,1,0,电梯维保," + REPAIR + ",2350.00,,李娜",
                "2026-03-09,付,1,0,电梯维保," + BANK + ",,2350.00,李娜");

        assertThat(check.problems()).containsExactly(FileProblem.at(4, WORD, "import.word.invalid", "现"));
    }

    @Test
    void theRowsOfOneVoucherStandTogetherAndShareItsDateAndAttachments() {
        ImportCheck check = check(book(),
                "2026-03-05,收,1,2,收停车费," + BANK + ",1500.00,,李娜",
                "2026-03-06,收,1,2,收停车费," + PARKING + ",,1000.00,李娜",
                "2026-03-05,收,1,1,收停车费," + PARKING + ",,500.00,李娜",
                "2026-03-07,收,2,0,收租金," + BANK + ",3600.00,,李娜",
                "2026-03-07,收,2,0,收租金,470103,场地及房屋租金,,3600.00,李娜",
                "2026-03-05,收,1,2,收停车费," + PARKING + ",,0.01,李娜");

        assertThat(check.problems()).containsExactly(
                FileProblem.at(3, DATE, "import.voucher.date-differs", "2026-03-06", "收-1", "2026-03-05", "2"),
                FileProblem.at(4, ATTACHMENTS, "import.voucher.attachments-differ", "1", "收-1", "2", "2"),
                FileProblem.at(7, NUMBER, "import.voucher.not-contiguous", "收-1", "2026-03", "2"));
    }

    @Test
    void badDatesWordsAndNumbersAreRefused() {
        ImportCheck check = check(book(),
                "2026-02-30,收,1,0,收停车费," + BANK + ",1500.00,,李娜",
                "03/05/2026,收,1,0,收停车费," + PARKING + ",,1500.00,李娜",
                "2026-03-05,现,1,0,收停车费," + BANK + ",1500.00,,李娜",
                "2026-03-05,收,0,0,收停车费," + PARKING + ",,1500.00,李娜",
                "2026-03-05,收,1.5,-1,收停车费," + PARKING + ",,1500.00,李娜",
                ",,,0,," + PARKING + ",,1500.00,李娜");

        assertThat(check.problems()).containsExactly(
                FileProblem.at(2, DATE, "import.date.invalid", "2026-02-30"),
                FileProblem.at(3, DATE, "import.date.invalid", "03/05/2026"),
                FileProblem.at(4, WORD, "import.word.invalid", "现"),
                FileProblem.at(5, NUMBER, "import.number.invalid", "0"),
                FileProblem.at(6, NUMBER, "import.number.invalid", "1.5"),
                FileProblem.at(6, ATTACHMENTS, "import.attachments.invalid", "-1"),
                FileProblem.at(7, DATE, "import.cell.missing", "日期"),
                FileProblem.at(7, WORD, "import.cell.missing", "凭证字"),
                FileProblem.at(7, NUMBER, "import.cell.missing", "凭证号"),
                FileProblem.at(7, SUMMARY, "import.summary.blank"));
    }

    @Test
    void aVoucherNeedsTwoLinesAndOneSignOnAll() {
        ImportCheck check = check(book(),
                "2026-03-05,收,1,0,收停车费," + BANK + ",1500.00,,李娜",
                "2026-03-06,收,2,0,收停车费," + BANK + ",1500.00,,李娜",
                "2026-03-06,收,2,0,收停车费," + PARKING + ",,-1500.00,李娜");

        assertThat(check.problems()).containsExactly(
                FileProblem.at(2, null, "import.voucher.too-few-lines", "收-1"),
                FileProblem.at(4, CREDIT, "import.voucher.mixed-signs", "收-2"));
    }

    @Test
    void theBooksPeriodsMustBeOpenAndTheDateNotAfterToday() {
        ImportCheck check = check(book().closed("2026-02"),
                "2025-12-31,收,1,0,收停车费," + BANK + ",10.00,,李娜",
                "2025-12-31,收,1,0,收停车费," + PARKING + ",,10.00,李娜",
                "2026-02-05,收,1,0,收停车费," + BANK + ",10.00,,李娜",
                "2026-02-05,收,1,0,收停车费," + PARKING + ",,10.00,李娜",
                "2026-11-24,收,1,0,收停车费," + BANK + ",10.00,,李娜",
                "2026-11-24,收,1,0,收停车费," + PARKING + ",,10.00,李娜");

        assertThat(check.problems()).containsExactly(
                FileProblem.at(2, DATE, "import.period.before-start", "2025-12", "2026-01"),
                FileProblem.at(4, DATE, "import.period.closed", "2026-02"),
                FileProblem.at(6, DATE, "import.date.future", "2026-11-24", "2026-11-23"));
    }

    @Test
    void numbersContinueTheBooksNumberingPerWordAndPeriodWithoutGaps() {
        ImportCheck check = check(book().numbered("2026-03", "收", 3),
                "2026-03-05,收,4,0,收停车费," + BANK + ",10.00,,李娜",
                "2026-03-05,收,4,0,收停车费," + PARKING + ",,10.00,李娜",
                "2026-03-06,收,6,0,收停车费," + BANK + ",10.00,,李娜",
                "2026-03-06,收,6,0,收停车费," + PARKING + ",,10.00,李娜",
                "2026-03-07,付,2,0,维修," + REPAIR + ",10.00,,李娜",
                "2026-03-07,付,2,0,维修," + BANK + ",,10.00,李娜",
                "2026-04-01,收,1,0,收停车费," + BANK + ",10.00,,李娜",
                "2026-04-01,收,1,0,收停车费," + PARKING + ",,10.00,李娜");

        assertThat(check.problems()).containsExactly(
                FileProblem.at(4, NUMBER, "import.number.gap", "收-6", "2026-03", "收-5"),
                FileProblem.at(6, NUMBER, "import.number.gap", "付-2", "2026-03", "付-1"));
        assertThat(check.conflicts()).isEmpty();
    }

    @Test
    void aNumberTheBookAlreadyHoldsIsAConflictNotAProblem() {
        ImportCheck check = check(book().numbered("2026-03", "收", 3),
                "2026-03-05,收,3,0,收停车费," + BANK + ",10.00,,李娜",
                "2026-03-05,收,3,0,收停车费," + PARKING + ",,10.00,李娜",
                "2026-03-06,收,4,0,收停车费," + BANK + ",10.00,,李娜",
                "2026-03-06,收,4,0,收停车费," + PARKING + ",,10.00,李娜");

        assertThat(check.conflicts()).containsExactly(FileProblem.at(2, NUMBER, "import.voucher.exists", "收-3", "2026-03"));
        assertThat(check.problems()).isEmpty();
        assertThat(check.passed()).isFalse();
    }

    @Test
    void aRedVoucherCancelsThePostedVoucherItsSummaryNames() {
        ExchangeFixtures.FakeBook book = book().numbered("2026-03", "付", 1);
        book.posted.add(new BookVoucher("v-repair", LocalDate.of(2026, 3, 15), VoucherWord.FU, 1, List.of(
                new VoucherLine("路灯维修", AccountCode.of("510103"), Side.DEBIT, Money.ofFen(186_000)),
                new VoucherLine("路灯维修", AccountCode.of("100201"), Side.CREDIT, Money.ofFen(186_000))), false));

        ImportCheck check = check(book,
                "2026-03-18,付,2,0,注销 3月15日 付-1号凭证,510103,改造工程支出,-1860.00,,李娜",
                "2026-03-18,付,2,0,注销 3月15日 付-1号凭证," + BANK + ",,-1860.00,李娜");

        assertThat(check.problems()).isEmpty();
        assertThat(check.plan().vouchers().get(0).reverses()).isEqualTo(new PlannedVoucher.InBook("v-repair"));
    }

    @Test
    void aRedVoucherThatCancelsNothingItNamesIsRefused() {
        ExchangeFixtures.FakeBook book = book().numbered("2026-03", "付", 1);
        book.posted.add(new BookVoucher("v-repair", LocalDate.of(2026, 3, 15), VoucherWord.FU, 1, List.of(
                new VoucherLine("路灯维修", AccountCode.of("510103"), Side.DEBIT, Money.ofFen(186_000)),
                new VoucherLine("路灯维修", AccountCode.of("100201"), Side.CREDIT, Money.ofFen(186_000))), true));

        ImportCheck alreadyCancelled = check(book,
                "2026-03-18,付,2,0,注销 3月15日 付-1号凭证,510103,改造工程支出,-1860.00,,李娜",
                "2026-03-18,付,2,0,注销 3月15日 付-1号凭证," + BANK + ",,-1860.00,李娜");
        ImportCheck otherLines = check(book().numbered("2026-03", "付", 0),
                "2026-03-15,付,1,0,路灯维修,510103,改造工程支出,1860.00,,李娜",
                "2026-03-15,付,1,0,路灯维修," + BANK + ",,1860.00,李娜",
                "2026-03-18,付,2,0,注销 3月15日 付-1号凭证,510103,改造工程支出,-1800.00,,李娜",
                "2026-03-18,付,2,0,注销 3月15日 付-1号凭证," + BANK + ",,-1800.00,李娜",
                "2026-03-19,付,3,0,冲销路灯维修,510103,改造工程支出,-1860.00,,李娜",
                "2026-03-19,付,3,0,冲销路灯维修," + BANK + ",,-1860.00,李娜");

        assertThat(alreadyCancelled.problems()).containsExactly(FileProblem.at(2, SUMMARY,
                "import.red.original-not-found", "付-2", "注销 3月15日 付-1号凭证"));
        assertThat(otherLines.problems()).containsExactly(
                FileProblem.at(4, null, "import.red.lines-differ", "付-2", "付-1"),
                FileProblem.at(6, SUMMARY, "import.red.original-not-found", "付-3", "冲销路灯维修"));
    }

    @Test
    void everyProblemOfTheFileIsListedByRow() {
        ImportCheck check = check(book(),
                "2026-03-05,收,1,0,收停车费," + BANK + ",1500.00,,李娜",
                "2026-03-05,收,1,0,收停车费," + PARKING + ",,1500.00,李娜",
                "2026-03-06,收,2,0,收停车费,9999,无此科目,1500.00,,李娜",
                "2026-03-06,收,2,0,收停车费," + PARKING + ",,1500.00,李娜",
                "2026-03-07,转,1,0,结转," + BANK + ",1.00,,李娜",
                "2026-03-07,转,1,0,结转," + PARKING + ",,2.00,李娜");

        assertThat(check.problems()).extracting(FileProblem::row, FileProblem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(4, "import.account.unknown"),
                org.assertj.core.groups.Tuple.tuple(6, "import.voucher.unbalanced"));
    }
}
