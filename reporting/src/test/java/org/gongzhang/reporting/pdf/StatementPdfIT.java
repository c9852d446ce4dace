package org.gongzhang.reporting.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongzhang.reporting.pdf.PdfAssertions.assertLine;
import static org.gongzhang.reporting.pdf.PdfAssertions.assertSubsetOfOurFont;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gongzhang.reporting.api.Amount;
import org.gongzhang.reporting.api.StatementCategory;
import org.gongzhang.reporting.api.StatementItem;
import org.gongzhang.reporting.api.StatementSheet;
import org.gongzhang.reporting.api.StatementView;
import org.gongzhang.verifier.entry.Custody;
import org.junit.jupiter.api.Test;

/** A printed 公共收益收支公示表 shows every figure of its view, legibly, and how to verify it. */
class StatementPdfIT {

    private final ReportPdfs pdfs = new ReportPdfs();
    private final StatementSheet sheet = Fixtures.statement();
    private final StatementView figures = sheet.figures();
    private final Pdf pdf = new Pdf(pdfs.statement(sheet, Locale.SIMPLIFIED_CHINESE));

    @Test
    void headingNamesTheCompoundItsPlaceThePeriodsAndTheUnit() {
        assertLine(pdf, "堃喆苑小区公共收益收支公示表");
        assertLine(pdf, "2026年1月—2026年3月");
        assertLine(pdf, "街道：北山街道", "社区：新河社区", "小区：堃喆苑小区", "单位：元");
        assertLine(pdf, "账套：堃喆苑小区公共收益账套");
        assertLine(pdf, "公示编号：GS-2026-Q1-007", "版本：2", "状态：已公示", "公示期：2026年4月3日至2026年4月17日");
        assertLine(pdf, "公示单位：新河社区居民委员会", "监督电话：0571-8800 1234");
        assertThat(pdf.text()).doesNotContain("草稿", "逾期公示");
    }

    @Test
    void aStatementNotPublishedPrintsAsADraftThatCannotPassForThePostedOne() {
        Pdf draft = new Pdf(pdfs.statement(new StatementSheet(figures, sheet.place(), sheet.signatories(),
                sheet.checkpoint(), sheet.verifyUrl(), null, sheet.date(), sheet.issuer()), Locale.SIMPLIFIED_CHINESE));

        assertLine(draft, "堃喆苑小区公共收益收支公示表（草稿）");
        assertLine(draft, "草稿 · 未公示");
        assertThat(draft.compactText()).contains("尚未经社区审核员签署和公示").doesNotContain("公示编号");
        Pdf english = new Pdf(pdfs.statement(new StatementSheet(figures, sheet.place(), sheet.signatories(),
                sheet.checkpoint(), sheet.verifyUrl(), null, sheet.date(), sheet.issuer()), Locale.ENGLISH));
        assertLine(english, "Public Income Statement of 堃喆苑小区 (DRAFT)");
    }

    @Test
    void theStatementSaysHowManyOfThePeriodsEntriesTheServiceSignedForTheirActors() {
        Pdf custodial = new Pdf(pdfs.statement(new StatementSheet(figures, sheet.place(), sheet.signatories(),
                sheet.checkpoint(), sheet.verifyUrl(), sheet.publication(), sheet.date(), sheet.issuer(),
                new Custody(12, 3)), Locale.SIMPLIFIED_CHINESE));
        Pdf english = new Pdf(pdfs.statement(new StatementSheet(figures, sheet.place(), sheet.signatories(),
                sheet.checkpoint(), sheet.verifyUrl(), sheet.publication(), sheet.date(), sheet.issuer(),
                new Custody(12, 0)), Locale.ENGLISH));

        assertLine(custodial, "本期 12 条记录中 3 条为服务代签");
        assertLine(english, "Of the 12 entries of the period, 0 were signed by the service for their actors (custodial)");
        assertThat(new Pdf(pdfs.statement(sheet, Locale.SIMPLIFIED_CHINESE)).text()).doesNotContain("服务代签");
    }

    @Test
    void aStatementPublishedAfterItsDueDateSaysSo() {
        StatementSheet.Publication on = sheet.publication();
        Pdf late = new Pdf(pdfs.statement(new StatementSheet(figures, sheet.place(), sheet.signatories(),
                sheet.checkpoint(), sheet.verifyUrl(), new StatementSheet.Publication(on.statementId(), on.version(),
                        on.status(), on.postingFrom(), on.postingTo(), true), sheet.date(), sheet.issuer()),
                Locale.SIMPLIFIED_CHINESE));

        assertLine(late, "状态：已公示", "逾期公示");
    }

    @Test
    void everyFigureStandsOnItsOwnLine() {
        assertLine(pdf, "一、期初结余", figures.openingBalance().yuan());
        for (StatementCategory line : figures.income()) {
            assertLine(pdf, line.name(), line.account(), line.amount().yuan());
        }
        assertLine(pdf, "收入合计", figures.totalIncome().yuan());
        for (StatementCategory line : figures.expenses()) {
            assertLine(pdf, line.name(), line.account(), line.amount().yuan());
        }
        assertLine(pdf, "支出合计", figures.totalExpenses().yuan());
        assertLine(pdf, "四、转入维修资金", "不计入支出", figures.transferToMaintenanceFund().yuan());
        assertLine(pdf, "五、期末结余", figures.closingBalance().yuan());
        assertLine(pdf, "期末结余（大写）：" + figures.closingInWords());
        assertThat(figures.closingInWords()).isEqualTo("伍万柒仟伍佰壹拾捌元贰角壹分");
    }

    @Test
    void spendingAtOrAboveTheThresholdIsItemisedWithItsVoucherAndEntry() {
        assertLine(pdf, "六、单笔 5,000.00 元及以上的支出明细");
        for (StatementItem item : figures.items()) {
            assertLine(pdf, "2026年3月", item.voucherNumber(), item.summary(), item.account(), item.amount().yuan(),
                    "条目 " + item.entry());
        }
        assertLine(pdf, "2026年3月12日", "付-3");
    }

    @Test
    void signatoriesTheCheckpointAndTheVerifyAddressArePrinted() {
        assertLine(pdf, "编制：李娜", "复核：王强", "审核：赵敏");
        assertLine(pdf, "编制日期：2026年4月2日");
        assertLine(pdf, "账本前 158 条记录");
        assertLine(pdf, Fixtures.ROOT);
        assertThat(pdf.compactText()).contains(Fixtures.VERIFY_URL);
    }

    @Test
    void theQrCodeOpensTheVerifyPage() {
        assertThat(pdf.qrCode()).isEqualTo(Fixtures.VERIFY_URL);
    }

    @Test
    void theFontIsEmbeddedAsASubsetAndAPageWeighsTensOfKilobytes() {
        assertSubsetOfOurFont(pdf);
        assertThat(pdf.pages()).isEqualTo(1);
        assertThat(pdf.bytes().length).as("bytes").isLessThan(150 * 1024);
    }

    @Test
    void whatIsUnknownPrintsAsADashAndThereIsNoQrCode() {
        Pdf bare = new Pdf(pdfs.statement(Fixtures.bareStatement(), Locale.SIMPLIFIED_CHINESE));

        assertLine(bare, "公共收益收支公示表");
        assertLine(bare, "街道：—", "社区：—", "小区：—");
        assertLine(bare, "公共收益收支公示表（草稿）");
        assertLine(bare, "公示单位：—", "监督电话：—");
        assertLine(bare, "编制：—", "复核：—", "审核：—");
        assertLine(bare, "编制日期：—");
        assertLine(bare, "本表依据的签名检查点：—");
        assertLine(bare, "核验地址：");
        assertLine(bare, "五、期末结余", figures.closingBalance().yuan());
        assertThatThrownBy(bare::qrCode).isInstanceOf(AssertionError.class);
    }

    @Test
    void inEnglishTheSameFiguresCarryEnglishHeadings() {
        Pdf english = new Pdf(pdfs.statement(sheet, Locale.forLanguageTag("en-GB")));

        assertLine(english, "Public Income Statement of 堃喆苑小区");
        assertLine(english, "Jan 2026 – Mar 2026");
        assertLine(english, "1. Opening balance", figures.openingBalance().yuan());
        assertLine(english, "Total income", figures.totalIncome().yuan());
        assertLine(english, "4. Transfer to the maintenance fund", figures.transferToMaintenanceFund().yuan());
        assertLine(english, "12 Mar 2026", "付-3", "6,000.00", "entry 41");
        assertLine(english, "Prepared by: 李娜");
        assertThat(english.text()).doesNotContain("期初结余", "单位");
        assertThat(english.qrCode()).isEqualTo(Fixtures.VERIFY_URL);
    }

    @Test
    void aLongListOfItemsRunsOnToMorePagesWithNothingLost() {
        List<StatementItem> items = new ArrayList<>();
        for (int i = 1; i <= 80; i++) {
            items.add(new StatementItem(100 + i, "v-" + i, "付-" + i, LocalDate.of(2026, 3, 1 + i % 28), "510101",
                    "共用部位及设施维修养护", "第 " + i + " 笔维修", Amount.of(500_000 + i)));
        }
        StatementView many = new StatementView(figures.book(), figures.bookName(), figures.from(), figures.to(),
                figures.itemThreshold(), figures.appliedIndex(), figures.openingBalance(), figures.income(),
                figures.totalIncome(), figures.expenses(), figures.totalExpenses(), figures.transferToMaintenanceFund(),
                figures.closingBalance(), figures.closingInWords(), items);
        Pdf long_ = new Pdf(pdfs.statement(new StatementSheet(many, sheet.place(), sheet.signatories(),
                sheet.checkpoint(), sheet.verifyUrl(), null, null, null), Locale.SIMPLIFIED_CHINESE));

        assertThat(long_.pages()).isGreaterThan(1);
        assertThat(long_.text().split("草稿 · 未公示", -1)).as("a draft says so on every page").hasSize(long_.pages() + 1);
        for (StatementItem item : items) {
            assertLine(long_, item.voucherNumber(), item.summary(), item.amount().yuan(), "条目 " + item.entry());
        }
        assertLine(long_, "第 2 页", "共 " + long_.pages() + " 页");
    }
}
