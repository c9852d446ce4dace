package org.gongzhang.reporting.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhang.reporting.pdf.PdfAssertions.assertLine;
import static org.gongzhang.reporting.pdf.PdfAssertions.assertSubsetOfOurFont;

import java.util.Locale;
import org.gongzhang.reporting.api.VoucherLineView;
import org.gongzhang.reporting.api.VoucherSigners;
import org.gongzhang.reporting.api.VoucherView;
import org.junit.jupiter.api.Test;

/** A printed 记账凭证 reads like a paper voucher: amounts in digit columns, 合计 in 大写, signatures. */
class VoucherPdfIT {

    private final ReportPdfs pdfs = new ReportPdfs();

    @Test
    void headingLinesInDigitColumnsTotalInWordsAndSignatures() {
        VoucherView view = Fixtures.voucher();
        Pdf pdf = new Pdf(pdfs.voucher(view, Fixtures.BOOK_NAME, Locale.SIMPLIFIED_CHINESE));

        assertLine(pdf, "记账凭证");
        assertLine(pdf, "账套：" + Fixtures.BOOK_NAME);
        assertLine(pdf, "日期：2026年3月12日", "凭证字号：付-3");
        assertLine(pdf, "状态：已记账", "附单据 2 张");
        assertLine(pdf, "亿", "千", "百", "十", "万", "千", "百", "十", "元", "角", "分");
        String compact = pdf.compactText();
        for (VoucherLineView line : view.lines()) {
            assertLine(pdf, line.summary(), line.account() + " " + line.accountName());
            long fen = line.debit().fen() != 0 ? line.debit().fen() : line.credit().fen();
            assertThat(compact).contains(line.account() + line.accountName() + "￥" + fen);
        }
        assertThat(compact).contains("合计（大写）：壹万贰仟叁佰肆拾伍元陆角柒分￥1234567￥1234567");
        assertThat(view.totalInWords()).isEqualTo("壹万贰仟叁佰肆拾伍元陆角柒分");
        assertLine(pdf, "制单：agent:li-na", "审核：community:zhao-min", "记账：agent:wang-qiang");
        assertSubsetOfOurFont(pdf);
    }

    @Test
    void aRedVoucherIsMarkedAndItsAmountsAreNegative() {
        Pdf pdf = new Pdf(pdfs.voucher(Fixtures.redVoucher(), Fixtures.BOOK_NAME, Locale.SIMPLIFIED_CHINESE));

        assertLine(pdf, "记账凭证（红字）");
        assertThat(pdf.compactText()).contains("510103改造工程支出-￥186000")
                .contains("合计（大写）：负壹仟捌佰陆拾元整-￥186000-￥186000");
    }

    @Test
    void eachSignatureSaysWhetherThePersonsOwnKeyOrTheServiceMadeIt() {
        VoucherSigners signers = new VoucherSigners(VoucherSigners.CUSTODIAL, VoucherSigners.OWN, null);

        Pdf chinese = new Pdf(pdfs.voucher(Fixtures.voucher(), Fixtures.BOOK_NAME, signers, Locale.SIMPLIFIED_CHINESE));
        Pdf english = new Pdf(pdfs.voucher(Fixtures.voucher(), Fixtures.BOOK_NAME, signers, Locale.ENGLISH));

        assertLine(chinese, "制单：agent:li-na（服务代签）", "审核：community:zhao-min（本人签名）", "记账：agent:wang-qiang");
        assertThat(chinese.text()).doesNotContain("community:zhao-min（服务代签）", "agent:wang-qiang（");
        assertLine(english, "Prepared by: agent:li-na (custodial)", "Reviewed by: community:zhao-min (own key)",
                "Posted by: agent:wang-qiang");
    }

    @Test
    void inEnglish() {
        Pdf pdf = new Pdf(pdfs.voucher(Fixtures.voucher(), Fixtures.BOOK_NAME, Locale.ENGLISH));

        assertLine(pdf, "Journal Voucher");
        assertLine(pdf, "Date: 12 Mar 2026", "Voucher: 付-3");
        assertLine(pdf, "Prepared by: agent:li-na", "Reviewed by: community:zhao-min", "Posted by: agent:wang-qiang");
        assertThat(pdf.compactText()).contains("Totalinwords(大写):壹万贰仟叁佰肆拾伍元陆角柒分￥1234567");
    }
}
