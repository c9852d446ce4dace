package org.gongzhang.reporting.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongzhang.reporting.exchange.ExchangeFixtures.PREPARER;
import static org.gongzhang.reporting.exchange.ExchangeFixtures.TODAY;
import static org.gongzhang.reporting.exchange.ExchangeFixtures.book;
import static org.gongzhang.reporting.exchange.ExchangeFixtures.march;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongzhang.core.account.ChartOfAccounts;
import org.gongzhang.core.voucher.VoucherLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Vouchers written in the layout, as CSV or xlsx, read back as the same vouchers. */
class VoucherLayoutRoundTripTest {

    @ParameterizedTest
    @EnumSource(ExchangeFormat.class)
    void writtenRowsReadBackAsTheSameVouchersWithTheirNumbersAndTheRedReversal(ExchangeFormat format) {
        byte[] file = format.write(march());

        ImportCheck check = VoucherFileCheck.check(format.read(file), book(), TODAY);

        assertThat(check.problems()).isEmpty();
        assertThat(check.plan().rows()).isEqualTo(6);
        assertThat(check.plan().vouchers()).extracting(PlannedVoucher::label).containsExactly("收-1", "付-1", "付-2");
        assertThat(check.plan().vouchers()).extracting(PlannedVoucher::firstRow).containsExactly(2, 4, 6);
        assertThat(check.plan().vouchers().get(2).reverses()).isEqualTo(new PlannedVoucher.InFile(1));
        assertThat(rows(check.plan())).isEqualTo(march());
    }

    @ParameterizedTest
    @EnumSource(ExchangeFormat.class)
    void theHeaderRowComesFirstAndEachLineIsOneRow(ExchangeFormat format) {
        List<SheetRow> rows = format.read(format.write(march()));

        assertThat(rows).extracting(SheetRow::row).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(rows.get(0).cells()).containsExactlyElementsOf(VoucherColumn.headers());
        assertThat(rows.get(5).cell(VoucherColumn.DEBIT)).startsWith("-1860");
        assertThat(format.read(format.write(List.of()))).hasSize(1);
    }

    @Test
    void csvIsUtf8WithAByteOrderMarkCrlfAndRfc4180Quoting() {
        byte[] file = ExchangeFormat.CSV.write(march());

        assertThat(file).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("日期,凭证字,凭证号,附单据数,摘要,科目代码,科目名称,借方金额,贷方金额,制单人\r\n"
                + "2026-03-05,收,1,2,收3月停车费,100201,业主大会账户（公共收益户）,1500.00,,agent:li-na\r\n");
        assertThat(text).contains("\r\n2026-03-15,付,1,0,\"小区路灯维修, 含\"\"LED\"\"灯具\n（二期）\",510103,改造工程支出,1860.00,,agent:li-na\r\n");
        assertThat(text).contains(",-1860.00,,agent:li-na\r\n").endsWith("\r\n");
    }

    @Test
    void csvIsReadWithoutAByteOrderMarkAndWithBareLineFeeds() {
        String text = new String(ExchangeFormat.CSV.write(march()), StandardCharsets.UTF_8).substring(1).replace("\r\n", "\n");

        ImportCheck check = VoucherFileCheck.check(ExchangeFormat.CSV.read(text.getBytes(StandardCharsets.UTF_8)), book(), TODAY);

        assertThat(check.problems()).isEmpty();
        assertThat(rows(check.plan())).isEqualTo(march());
    }

    @Test
    void csvSavedInGbkIsRefusedAtTheRowOfItsFirstForeignByte() {
        String text = ExchangeFixtures.HEADER + "\r\n2026-03-05,收,1,0,收停车费,100201,业主大会账户（公共收益户）,10.00,,x\r\n";
        byte[] gbk = text.getBytes(Charset.forName("GBK"));

        assertThatThrownBy(() -> ExchangeFormat.CSV.read(gbk)).isInstanceOfSatisfying(UnreadableFile.class,
                e -> assertThat(e.problem()).isEqualTo(FileProblem.at(1, null, "import.file.not-utf8")));
        byte[] secondRow = (ExchangeFixtures.HEADER + "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] mixed = concat(secondRow, "2026-03-05,收,1,0,收停车费".getBytes(Charset.forName("GBK")));
        assertThatThrownBy(() -> ExchangeFormat.CSV.read(mixed)).isInstanceOfSatisfying(UnreadableFile.class,
                e -> assertThat(e.problem().row()).isEqualTo(2));
    }

    @Test
    void anUnterminatedQuoteIsRefusedAtItsRow() {
        byte[] file = ExchangeFixtures.csv("2026-03-05,收,1,0,\"收停车费,100201");

        assertThatThrownBy(() -> ExchangeFormat.CSV.read(file)).isInstanceOfSatisfying(UnreadableFile.class,
                e -> assertThat(e.problem()).isEqualTo(FileProblem.at(2, null, "import.file.unterminated-quote")));
    }

    @Test
    void xlsxWritesDateCellsNumericAmountsFormattedWithTwoDecimalsAndAccountCodesAsText() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ExchangeFormat.XLSX.write(march())))) {
            Row row = workbook.getSheet("凭证").getRow(1);

            assertThat(DateUtil.isCellDateFormatted(row.getCell(0))).isTrue();
            assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(5).getStringCellValue()).isEqualTo("100201");
            Cell debit = row.getCell(7);
            assertThat(debit.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(debit.getCellStyle().getDataFormatString()).isEqualTo("0.00");
            assertThat(debit.getNumericCellValue()).isEqualTo(1500.0);
            assertThat(row.getCell(8).getCellType()).isEqualTo(CellType.BLANK);
        }
    }

    @Test
    void xlsxIsAlsoReadWhenAmountsDatesAndNumbersAreTypedAsText() throws IOException {
        byte[] file = workbook(List.of(
                List.of("2026/3/5", "收", "1", "0", "收3月停车费", "100201", "业主大会账户（公共收益户）", "1500.5", "", "李娜"),
                List.of("2026-03-05", "收", "1", "", "收3月停车费", "470101", "停车场地使用费", "", "1500.50", "李娜")));

        ImportCheck check = VoucherFileCheck.check(ExchangeFormat.XLSX.read(file), book(), TODAY);

        assertThat(check.problems()).isEmpty();
        PlannedVoucher voucher = check.plan().vouchers().get(0);
        assertThat(voucher.label()).isEqualTo("收-1");
        assertThat(voucher.lines()).extracting(l -> l.amount().fen()).containsExactly(150_050L, 150_050L);
    }

    @Test
    void aBrokenOrLegacyExcelFileIsRefusedAsSuch() {
        byte[] notAWorkbook = {0x50, 0x4B, 0x03, 0x04, 1, 2, 3};
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0};

        assertThat(ExchangeFormat.of(notAWorkbook, null)).isEqualTo(ExchangeFormat.XLSX);
        assertThatThrownBy(() -> ExchangeFormat.XLSX.read(notAWorkbook)).isInstanceOfSatisfying(UnreadableFile.class,
                e -> assertThat(e.problem().code()).isEqualTo("import.file.unreadable"));
        assertThatThrownBy(() -> ExchangeFormat.of(xls, "application/vnd.ms-excel"))
                .isInstanceOfSatisfying(UnreadableFile.class,
                        e -> assertThat(e.problem().code()).isEqualTo("import.file.legacy-excel"));
        assertThat(ExchangeFormat.of("日期".getBytes(StandardCharsets.UTF_8), "text/csv")).isEqualTo(ExchangeFormat.CSV);
    }

    /** The rows a plan would post, as the layout writes them. */
    private static List<VoucherRow> rows(ImportPlan plan) {
        ChartOfAccounts chart = book().chart();
        List<VoucherRow> rows = new ArrayList<>();
        for (PlannedVoucher v : plan.vouchers()) {
            for (VoucherLine l : v.lines()) {
                rows.add(new VoucherRow(v.date(), v.word(), v.number(), v.attachments(), l.summary(),
                        l.account().value(), chart.find(l.account()).orElseThrow().name(), l.side(), l.amount().fen(),
                        PREPARER));
            }
        }
        return rows;
    }

    private static byte[] workbook(List<List<String>> lines) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet();
            List<List<String>> all = new ArrayList<>();
            all.add(VoucherColumn.headers());
            all.addAll(lines);
            for (int r = 0; r < all.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < all.get(r).size(); c++) {
                    row.createCell(c).setCellValue(all.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
