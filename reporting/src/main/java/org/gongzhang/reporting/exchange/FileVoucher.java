package org.gongzhang.reporting.exchange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gongzhang.reporting.exchange.ParsedRow.VoucherKey;

/**
 * The rows of one voucher in a file, as grouped: {@code tainted} when any of its rows could not be
 * read cleanly, so that checks of the whole voucher (balance, red reversal) would only repeat
 * what the row problems already say.
 */
final class FileVoucher {

    final VoucherKey key;
    final LocalDate date;
    final Integer attachments;
    final List<ParsedRow> rows = new ArrayList<>();
    boolean tainted;

    FileVoucher(ParsedRow first) {
        this.key = first.key();
        this.date = first.date();
        this.attachments = first.attachments();
        add(first);
    }

    void add(ParsedRow row) {
        rows.add(row);
        tainted |= !row.clean();
    }

    ParsedRow first() {
        return rows.get(0);
    }

    int firstRow() {
        return first().row();
    }

    int lastRow() {
        return rows.get(rows.size() - 1).row();
    }
}
