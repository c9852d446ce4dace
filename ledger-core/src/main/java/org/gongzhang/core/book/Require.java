package org.gongzhang.core.book;

import static org.gongzhang.core.book.api.RefusalCode.ENTRY_BUSINESS_DATE_IN_FUTURE;
import static org.gongzhang.core.book.api.RefusalCode.HASH_INVALID;

import java.time.LocalDate;
import java.util.regex.Pattern;
import org.gongzhang.core.book.api.RefusalCode;

/** Small checks the rule classes share. */
final class Require {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private Require() {
    }

    static void nonBlank(String text, RefusalCode code, String field) {
        if (text == null || text.isBlank()) {
            throw code.at(field);
        }
    }

    /** True for a SHA-256 hash written as 64 lowercase hex digits. */
    static boolean isSha256(String text) {
        return SHA256.matcher(text).matches();
    }

    /** A SHA-256 hash as 64 lowercase hex digits: a content hash or a salted commitment. */
    static void sha256(String text, String field) {
        if (!isSha256(text)) {
            throw HASH_INVALID.at(field, text);
        }
    }

    /** An entry whose rules hang on its business date may not speak for a day still to come. */
    static void notAfterToday(LocalDate businessDate, LocalDate today) {
        if (businessDate.isAfter(today)) {
            throw ENTRY_BUSINESS_DATE_IN_FUTURE.at("entry.businessDate", businessDate, today);
        }
    }
}
