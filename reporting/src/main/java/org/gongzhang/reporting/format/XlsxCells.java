package org.gongzhang.reporting.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * How every xlsx the service writes shapes its cells, so that Excel, 用友 and 金蝶 read them as
 * what they are: dates as date cells ({@code yyyy-mm-dd}), whole numbers as {@code 0}, amounts in
 * 元 as numeric cells formatted {@code 0.00} (a column sums in Excel), codes and words as text.
 * An amount is converted once from 分 to the nearest double, which holds every amount an entry may
 * carry (fifteen significant digits) exactly enough to come back as the same two-decimal number.
 */
public final class XlsxCells {

    private final CellStyle header;
    private final CellStyle date;
    private final CellStyle integer;
    private final CellStyle amount;
    private final CellStyle text;

    public XlsxCells(XSSFWorkbook book) {
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

    /** A bold heading. */
    public Cell header(Row row, int column, String value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(header);
        return cell;
    }

    public Cell text(Row row, int column, String value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(text);
        return cell;
    }

    public Cell date(Row row, int column, LocalDate value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(date);
        return cell;
    }

    public Cell integer(Row row, int column, int value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(integer);
        return cell;
    }

    /** An amount in 元 with two decimals, from a decimal string such as {@code 12345.67}. */
    public Cell yuan(Row row, int column, String value) {
        return amount(row, column, new BigDecimal(value));
    }

    /** An amount in 元 with two decimals, from 分. */
    public Cell fen(Row row, int column, long value) {
        return amount(row, column, BigDecimal.valueOf(value, 2));
    }

    private Cell amount(Row row, int column, BigDecimal value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(amount);
        return cell;
    }

    /** The workbook's bytes; the workbook is closed. */
    public static byte[] bytes(XSSFWorkbook book) {
        try (book; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
