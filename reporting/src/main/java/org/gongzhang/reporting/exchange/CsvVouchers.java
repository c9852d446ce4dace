package org.gongzhang.reporting.exchange;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The voucher layout as CSV: UTF-8 with a byte order mark (Excel then reads it as UTF-8), fields
 * quoted as RFC 4180 says (a comma, quote or line break inside; quotes doubled), CRLF between
 * records. Reading accepts the file with or without the mark and any line ending, and counts rows
 * by record, as Excel shows them.
 */
final class CsvVouchers {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String CRLF = "\r\n";

    private CsvVouchers() {
    }

    static byte[] write(List<VoucherRow> rows) {
        StringBuilder text = new StringBuilder();
        record(text, VoucherColumn.headers());
        for (VoucherRow row : rows) {
            List<String> cells = new ArrayList<>();
            for (VoucherColumn column : VoucherColumn.values()) {
                cells.add(row.text(column));
            }
            record(text, cells);
        }
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, file, 0, BOM.length);
        System.arraycopy(body, 0, file, BOM.length, body.length);
        return file;
    }

    private static void record(StringBuilder text, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            text.append(i == 0 ? "" : ",").append(quoted(cells.get(i)));
        }
        text.append(CRLF);
    }

    private static String quoted(String cell) {
        boolean needsQuotes = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\r') >= 0
                || cell.indexOf('\n') >= 0;
        return needsQuotes ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    static List<SheetRow> read(byte[] content) {
        String text = utf8(content);
        return new Reader(text.startsWith("\uFEFF") ? text.substring(1) : text).records();
    }

    /** Decodes strictly: a file saved in GBK (Excel's plain "CSV") is refused at the row of its first foreign byte. */
    private static String utf8(byte[] content) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int row = 1;
            for (int i = 0; i < in.position(); i++) {
                row += content[i] == '\n' ? 1 : 0;
            }
            throw new UnreadableFile(FileProblem.at(row, null, "import.file.not-utf8"));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** An RFC 4180 reader over the decoded text. */
    private static final class Reader {

        private final String text;
        private final List<SheetRow> rows = new ArrayList<>();
        private final List<String> fields = new ArrayList<>();
        private final StringBuilder field = new StringBuilder();
        private boolean fieldQuoted;

        Reader(String text) {
            this.text = text;
        }

        List<SheetRow> records() {
            boolean inQuotes = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (inQuotes) {
                    if (c != '"') {
                        field.append(c);
                    } else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        inQuotes = false;
                    }
                } else if (c == '"' && field.isEmpty() && !fieldQuoted) {
                    inQuotes = true;
                    fieldQuoted = true;
                } else if (c == ',') {
                    endField();
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    endRecord();
                } else {
                    field.append(c);
                }
            }
            if (inQuotes) {
                throw new UnreadableFile(FileProblem.at(rows.size() + 1, null, "import.file.unterminated-quote"));
            }
            if (!field.isEmpty() || fieldQuoted || !fields.isEmpty()) {
                endRecord();
            }
            return rows;
        }

        private void endField() {
            fields.add(field.toString());
            field.setLength(0);
            fieldQuoted = false;
        }

        private void endRecord() {
            endField();
            rows.add(new SheetRow(rows.size() + 1, fields));
            fields.clear();
        }
    }
}
