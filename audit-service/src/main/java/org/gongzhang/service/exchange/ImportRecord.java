package org.gongzhang.service.exchange;

import java.time.Instant;

/**
 * 导入记录: one file of vouchers imported into a book.
 *
 * @param importId        the import's id
 * @param book            the book
 * @param fileSha256      SHA-256 of the file, under which the attachment store holds it
 * @param fileName        the file's name
 * @param format          CSV or XLSX
 * @param rows            the file's voucher rows
 * @param vouchers        the file's vouchers
 * @param written         vouchers recorded, reviewed and posted
 * @param status          RUNNING while writing, then COMPLETE, or PARTIAL when writing stopped midway
 * @param preparer        who recorded the vouchers (制单)
 * @param reviewer        who reviewed and posted them (审核, 记账)
 * @param importedAt      when the import began
 * @param firstEntryIndex the first entry it wrote, null before any
 * @param lastEntryIndex  the last entry it wrote, null before any
 */
public record ImportRecord(String importId, String book, String fileSha256, String fileName, String format, int rows,
        int vouchers, int written, String status, String preparer, String reviewer, Instant importedAt,
        Long firstEntryIndex, Long lastEntryIndex) {

    ImportRecord finished(String finalStatus, int writtenCount, Long firstEntry, Long lastEntry) {
        return new ImportRecord(importId, book, fileSha256, fileName, format, rows, vouchers, writtenCount, finalStatus,
                preparer, reviewer, importedAt, firstEntry, lastEntry);
    }
}
