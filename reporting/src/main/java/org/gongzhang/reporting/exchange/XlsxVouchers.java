package org.gongzhang.reporting.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The voucher layout as an xlsx workbook of one sheet, 凭证.
 *
 * <p>Written so that Excel, 用友 and 金蝶 read the cells as what they are: 日期 a date cell
 * ({@code yyyy-mm-dd}), 凭证号 and 附单据数 whole numbers, 借方金额 and 贷方金额 numeric cells formatted
 * {@code 0.00} (so a column sums in Excel), 科目代码 and every other column text. Amounts are
 * converted once, from 分 to the nearest double, which holds every amount an entry may carry
 * (at most 999,999,999,999.99: fifteen significant digits) exactly enough to come back as the same
 * two-decimal number; no arithmetic is done on doubles.
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
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(book);
            Sheet sheet = book.createSheet(SHEET);
            Row header = sheet.createRow(0);
            for (VoucherColumn column : VoucherColumn.values()) {
                Cell cell = header.createCell(column.ordinal());
                cell.setCellValue(column.header());
                cell.setCellStyle(styles.header);
                sheet.setColumnWidth(column.ordinal(), WIDTHS[column.ordinal()] * 256);
            }
            for (int i = 0; i < rows.size(); i++) {
                write(sheet.createRow(i + 1), rows.get(i), styles);
            }
            sheet.createFreezePane(0, 1);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, VoucherRow voucher, Styles styles) {
        for (VoucherColumn column : VoucherColumn.values()) {
            Cell cell = row.createCell(column.ordinal());
            switch (column) {
                case DATE -> {
                    cell.setCellValue(voucher.date());
                    cell.setCellStyle(styles.date);
                }
                case NUMBER, ATTACHMENTS -> {
                    cell.setCellValue(Integer.parseInt(voucher.text(column)));
                    cell.setCellStyle(styles.integer);
                }
                case DEBIT, CREDIT -> {
                    String amount = voucher.text(column);
                    if (!amount.isEmpty()) {
                        cell.setCellValue(new BigDecimal(amount).doubleValue());
                        cell.setCellStyle(styles.amount);
                    }
                }
                default -> {
                    cell.setCellValue(voucher.text(column));
                    cell.setCellStyle(styles.text);
                }
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

    /** The cell styles of the written sheet. */
    private static final class Styles {

        final CellStyle header;
        final CellStyle date;
        final CellStyle integer;
        final CellStyle amount;
        final CellStyle text;

        Styles(XSSFWorkbook book) {
            Font bold = book.createFont();
            bold.setBold(true);
            header = book.createCellStyle();
            header.setFont(bold);
            date = formatted(book, "yyyy-mm-dd");
            integer = formatted(book, "0");
            amount = formatted(book, "0.00");
            text = formatted(book, "@");
        }

        private static CellStyle formatted(XSSFWorkbook book, String format) {
            CellStyle style = book.createCellStyle();
            style.setDataFormat(book.createDataFormat().getFormat(format));
            return style;
        }
    }
}
