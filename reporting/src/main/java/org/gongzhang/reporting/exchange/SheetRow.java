package org.gongzhang.reporting.exchange;

import java.util.List;

/**
 * A row of an uploaded file as text, before it is read as a voucher line.
 *
 * @param row   the row number as a spreadsheet shows it, from 1 (the header)
 * @param cells the cells from column A on; a missing cell is ""
 */
public record SheetRow(int row, List<String> cells) {

    public SheetRow {
        cells = List.copyOf(cells);
    }

    /** The cell of {@code column}, trimmed; "" when the row is shorter. */
    public String cell(VoucherColumn column) {
        return column.ordinal() < cells.size() ? cells.get(column.ordinal()).strip() : "";
    }

    public boolean isBlank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
