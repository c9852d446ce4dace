package org.gongzhang.reporting.exchange;

import static org.gongzhang.reporting.exchange.VoucherColumn.ATTACHMENTS;
import static org.gongzhang.reporting.exchange.VoucherColumn.DATE;
import static org.gongzhang.reporting.exchange.VoucherColumn.NUMBER;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gongzhang.reporting.exchange.ParsedRow.VoucherKey;

/**
 * Groups rows into vouchers: the rows of a voucher (same period, 凭证字 and 凭证号) stand together
 * and share its date and 附单据数. A row whose date, 字 or 号 cannot be read belongs to no voucher;
 * it taints the voucher it stands in, whose own checks then wait for the row to be fixed.
 */
final class VoucherGrouping {

    private VoucherGrouping() {
    }

    static List<FileVoucher> group(List<ParsedRow> rows, List<FileProblem> problems) {
        List<FileVoucher> vouchers = new ArrayList<>();
        Map<VoucherKey, FileVoucher> seen = new HashMap<>();
        FileVoucher current = null;
        boolean afterUnreadable = false;
        for (ParsedRow row : rows) {
            VoucherKey key = row.key();
            if (key == null) {
                if (current != null) {
                    current.tainted = true;
                }
            } else if (current != null && current.key.equals(key)) {
                joins(current, row, problems);
            } else if (seen.containsKey(key)) {
                FileVoucher earlier = seen.get(key);
                earlier.tainted = true;
                problems.add(FileProblem.at(row.row(), NUMBER, "import.voucher.not-contiguous", key.label(),
                        key.period(), earlier.firstRow()));
            } else {
                current = new FileVoucher(row);
                current.tainted |= afterUnreadable;
                seen.put(key, current);
                vouchers.add(current);
            }
            afterUnreadable = key == null;
        }
        return vouchers;
    }

    private static void joins(FileVoucher voucher, ParsedRow row, List<FileProblem> problems) {
        voucher.add(row);
        if (!voucher.date.equals(row.date())) {
            voucher.tainted = true;
            problems.add(FileProblem.at(row.row(), DATE, "import.voucher.date-differs", row.date(),
                    voucher.key.label(), voucher.date, voucher.firstRow()));
        }
        if (voucher.attachments != null && row.attachments() != null
                && !Objects.equals(voucher.attachments, row.attachments())) {
            voucher.tainted = true;
            problems.add(FileProblem.at(row.row(), ATTACHMENTS, "import.voucher.attachments-differ",
                    row.attachments(), voucher.key.label(), voucher.attachments, voucher.firstRow()));
        }
    }
}
