package org.gongzhang.reporting.exchange;

import java.util.List;

/** The two file formats of the voucher layout, with the media type and file extension of each. */
public enum ExchangeFormat {
    /** UTF-8 with a byte order mark, so that Excel opens it as UTF-8; RFC 4180 quoting. */
    CSV("text/csv;charset=UTF-8", "csv"),
    /** Office Open XML workbook, one sheet. */
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private final String mediaType;
    private final String extension;

    ExchangeFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public byte[] write(List<VoucherRow> rows) {
        return this == CSV ? CsvVouchers.write(rows) : XlsxVouchers.write(rows);
    }

    /** The file's rows as text; throws {@link UnreadableFile} when it cannot be read as rows. */
    public List<SheetRow> read(byte[] content) {
        return this == CSV ? CsvVouchers.read(content) : XlsxVouchers.read(content);
    }

    /**
     * Which format an upload is in: xlsx by its zip signature or its declared media type, CSV
     * otherwise. A legacy Excel 97–2003 file (.xls) is refused: it has to be saved as xlsx or CSV.
     */
    public static ExchangeFormat of(byte[] content, String contentType) {
        if (startsWith(content, OLE2)) {
            throw new UnreadableFile(FileProblem.at(1, null, "import.file.legacy-excel"));
        }
        if (startsWith(content, ZIP) || (contentType != null && contentType.startsWith(XLSX.mediaType))) {
            return XLSX;
        }
        return CSV;
    }

    private static boolean startsWith(byte[] content, byte[] signature) {
        if (content.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (content[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
