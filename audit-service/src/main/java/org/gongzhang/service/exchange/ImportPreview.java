package org.gongzhang.service.exchange;

import java.util.List;
import org.gongzhang.core.account.Side;
import org.gongzhang.core.voucher.VoucherLine;
import org.gongzhang.reporting.api.Amount;
import org.gongzhang.reporting.exchange.PlannedVoucher;

/**
 * The answer to a clean check: the file, and each voucher as the preparer will record it through
 * the voucher API ({@code POST …/vouchers}, or {@code POST …/vouchers/{reverses}/reverse} with
 * {@code reason} for a red one), amounts as decimal strings in 元.
 *
 * @param fileSha256 SHA-256 of the file; a voucher with 附单据 cites the file under it
 * @param fileName   the file's name
 * @param format     CSV or XLSX
 * @param rows       the file's voucher rows
 * @param vouchers   its vouchers in file order
 */
record ImportPreview(String fileSha256, String fileName, String format, int rows, List<Voucher> vouchers) {

    /**
     * @param firstRow    its first row in the file
     * @param lastRow     its last row
     * @param voucher     凭证字号 the file gives it, e.g. 付-3 (posting in date order gives it that number)
     * @param word        凭证字
     * @param date        凭证日期
     * @param attachments 附单据数
     * @param total       借方合计 as people read it, e.g. 12,345.67 (positive on a red voucher too)
     * @param lines       分录
     * @param reverses    for a red voucher the posted voucher it cancels, else null
     * @param reason      for a red voucher the reason recorded with it, else null
     */
    record Voucher(int firstRow, int lastRow, String voucher, String word, String date, int attachments, String total,
            List<Line> lines, String reverses, String reason) {
    }

    /** One 分录: 摘要, 科目代码 and the amount on its side. */
    record Line(String summary, String account, String debit, String credit) {
    }

    static ImportPreview of(VoucherImports.CheckedFile file) {
        ImportWriter.Source source = new ImportWriter.Source(file.sha256(), file.name());
        return new ImportPreview(file.sha256(), file.name(), file.format().name(), file.rows(),
                file.vouchers().stream().map(v -> voucher(v, source)).toList());
    }

    private static Voucher voucher(PlannedVoucher planned, ImportWriter.Source source) {
        long debits = planned.lines().stream().filter(l -> l.side() == Side.DEBIT)
                .mapToLong(l -> l.amount().fen()).sum();
        String reverses = planned.reverses() instanceof PlannedVoucher.InBook inBook ? inBook.voucherId() : null;
        return new Voucher(planned.firstRow(), planned.lastRow(), planned.label(), planned.word().character(),
                planned.date().toString(), planned.attachments(), Amount.of(Math.abs(debits)).yuan(),
                planned.lines().stream().map(ImportPreview::line).toList(), reverses,
                reverses == null ? null : ImportWriter.redReason(planned, source));
    }

    private static Line line(VoucherLine line) {
        String amount = line.amount().format();
        return new Line(line.summary(), line.account().value(), line.side() == Side.DEBIT ? amount : null,
                line.side() == Side.CREDIT ? amount : null);
    }
}
