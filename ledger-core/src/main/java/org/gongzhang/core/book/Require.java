package org.gongzhang.core.book;

import org.gongzhang.core.book.api.RefusalCode;

/** Small checks the rule classes share. */
final class Require {

    private Require() {
    }

    static void nonBlank(String text, RefusalCode code, String field) {
        if (text == null || text.isBlank()) {
            throw code.at(field);
        }
    }
}
