package org.gongzhang.core.book.api.payload;

import java.util.List;

/**
 * 附单据: how many source documents stand behind a voucher, and the electronic ones by SHA-256.
 *
 * @param count 附单据数, paper and electronic together
 * @param files the electronic originals, content-addressed
 */
public record Attachments(int count, List<AttachedFile> files) {

    static Attachments read(PayloadReader reader) {
        PayloadReader a = reader.object("attachments");
        return new Attachments(a.integer("count"), a.array("files").stream()
                .map(f -> new AttachedFile(f.string("sha256"), f.string("name"))).toList());
    }

    /**
     * One electronic original (发票, 银行回单, 合同 …).
     *
     * @param sha256 lowercase hex SHA-256 of the file
     * @param name   its file name
     */
    public record AttachedFile(String sha256, String name) {
    }
}
