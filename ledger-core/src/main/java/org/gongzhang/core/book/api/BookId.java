package org.gongzhang.core.book.api;

import java.util.regex.Pattern;

/** Identity of a book (账套), e.g. {@code lanyuan-public}. */
public record BookId(String value) {
    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");

    public BookId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("book id must match " + FORM.pattern());
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORM.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
