package org.gongzhang.reporting.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongzhang.reporting.format.XlsxCells;

/**
 * The voucher layout as an xlsx workbook of one sheet, 凭证.
 *
 * <p>Written with {@link XlsxCells}: 日期 a date cell, 凭证号 and 附单据数 whole numbers, 借方金额 and
 * 贷方金额 numeric cells in 元 formatted {@code 0.00}, 科目代码 and every other column text.
 *
 * <p>Read: any cell as its text. A numeric cell becomes its shortest decimal ({@code 12345.67},
 * {@code 3}); a date-formatted cell its ISO date; a formula its cached value; text stays text, so
 * amounts and dates typed as text are read the same way as in CSV.
 */
final class XlsxVouchers {

    private static final String SHEET = "凭证";
    private static final int[] WIDTHS = {12, 8, 8, 10, 40, 12, 28, 16, 16, 20};

    private XlsxVouchers() {
    }

    static byte[] write(List<VoucherRow> rows) {
        XSSFWorkbook book = new XSSFWorkbook();
        XlsxCells cells = new XlsxCells(book);
        Sheet sheet = book.createSheet(SHEET);
        Row header = sheet.createRow(0);
        for (VoucherColumn column : VoucherColumn.values()) {
            cells.header(header, column.ordinal(), column.header());
            sheet.setColumnWidth(column.ordinal(), WIDTHS[column.ordinal()] * 256);
        }
        for (int i = 0; i < rows.size(); i++) {
            write(sheet.createRow(i + 1), rows.get(i), cells);
        }
        sheet.createFreezePane(0, 1);
        return XlsxCells.bytes(book);
    }

    private static void write(Row row, VoucherRow voucher, XlsxCells cells) {
        for (VoucherColumn column : VoucherColumn.values()) {
            int at = column.ordinal();
            switch (column) {
                case DATE -> cells.date(row, at, voucher.date());
                case NUMBER, ATTACHMENTS -> cells.integer(row, at, Integer.parseInt(voucher.text(column)));
                case DEBIT, CREDIT -> {
                    String amount = voucher.text(column);
                    if (amount.isEmpty()) {
                        row.createCell(at);
                    } else {
                        cells.yuan(row, at, amount);
                    }
                }
                default -> cells.text(row, at, voucher.text(column));
            }
        }
    }

    static List<SheetRow> read(byte[] content) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            List<SheetRow> rows = new ArrayList<>();
            if (book.getNumberOfSheets() == 0) {
                return rows;
            }
            for (Row row : book.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : text(cell, cell.getCellType()));
                }
                rows.add(new SheetRow(row.getRowNum() + 1, cells));
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFile(FileProblem.at(1, null, "import.file.unreadable"), e);
        }
    }

    private static String text(Cell cell, CellType type) {
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case FORMULA -> text(cell, cell.getCachedFormulaResultType());
            default -> "";
        };
    }
}
