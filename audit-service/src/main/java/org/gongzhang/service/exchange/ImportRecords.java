package org.gongzhang.service.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The imports of each book (table {@code voucher_import}); a file's content is imported into a book once. */
@Component
class ImportRecords {

    private static final String COLUMNS = """
            import_id, book_id, file_sha256, file_name, file_format, row_count, voucher_count, written_count, status,
            preparer, reviewer, imported_at, first_entry_index, last_entry_index""";

    private final JdbcTemplate jdbc;

    ImportRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an import about to write; false when the book already records the same file. */
    boolean claim(ImportRecord record) {
        try {
            jdbc.update("insert into voucher_import (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    record.importId(), record.book(), record.fileSha256(), record.fileName(), record.format(),
                    record.rows(), record.vouchers(), record.written(), record.status(), record.preparer(),
                    record.reviewer(), Timestamp.from(record.importedAt()), record.firstEntryIndex(),
                    record.lastEntryIndex());
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    void finish(ImportRecord record) {
        jdbc.update("""
                update voucher_import set status = ?, written_count = ?, first_entry_index = ?, last_entry_index = ?
                where book_id = ? and import_id = ?""",
                record.status(), record.written(), record.firstEntryIndex(), record.lastEntryIndex(), record.book(),
                record.importId());
    }

    /** Forgets an import that wrote nothing, so that the same file may be imported again. */
    void forget(ImportRecord record) {
        jdbc.update("delete from voucher_import where book_id = ? and import_id = ?", record.book(), record.importId());
    }

    Optional<ImportRecord> byFile(String book, String sha256) {
        return jdbc.query("select " + COLUMNS + " from voucher_import where book_id = ? and file_sha256 = ?",
                ImportRecords::record, book, sha256).stream().findFirst();
    }

    List<ImportRecord> all(String book) {
        return jdbc.query("select " + COLUMNS + " from voucher_import where book_id = ? order by imported_at, import_id",
                ImportRecords::record, book);
    }

    private static ImportRecord record(ResultSet rs, int row) throws SQLException {
        return new ImportRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getTimestamp(12).toInstant(), rs.getObject(13, Long.class), rs.getObject(14, Long.class));
    }
}
