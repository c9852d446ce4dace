package org.gongzhang.core.book;

import static org.gongzhang.core.book.api.RefusalCode.VOUCHER_ATTACHMENTS_COUNT_BELOW_FILES;
import static org.gongzhang.core.book.api.RefusalCode.VOUCHER_ATTACHMENTS_COUNT_NEGATIVE;
import static org.gongzhang.core.book.api.RefusalCode.VOUCHER_ATTACHMENT_NAME_BLANK;
import static org.gongzhang.core.book.api.RefusalCode.VOUCHER_ATTACHMENT_SHA256_INVALID;

import org.gongzhang.core.book.api.payload.Attachments;

/**
 * 附单据: the count covers at least the electronic files, and each file is cited by its SHA-256
 * so the original can be proven unchanged (财会〔2020〕6号).
 */
final class AttachmentRules {

    private static final String ATTACHMENTS = "entry.payload.attachments";

    private AttachmentRules() {
    }

    static void check(Attachments attachments) {
        if (attachments.count() < 0) {
            throw VOUCHER_ATTACHMENTS_COUNT_NEGATIVE.at(ATTACHMENTS + ".count");
        }
        for (int i = 0; i < attachments.files().size(); i++) {
            Attachments.AttachedFile file = attachments.files().get(i);
            String at = ATTACHMENTS + ".files[" + i + "]";
            if (!Require.isSha256(file.sha256())) {
                throw VOUCHER_ATTACHMENT_SHA256_INVALID.at(at + ".sha256");
            }
            Require.nonBlank(file.name(), VOUCHER_ATTACHMENT_NAME_BLANK, at + ".name");
        }
        if (attachments.count() < attachments.files().size()) {
            throw VOUCHER_ATTACHMENTS_COUNT_BELOW_FILES.at(ATTACHMENTS + ".count",
                    attachments.count(), attachments.files().size());
        }
    }
}
