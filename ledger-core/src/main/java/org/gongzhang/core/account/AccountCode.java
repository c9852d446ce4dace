package org.gongzhang.core.account;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * 科目代码: a four-digit first-level code (一级科目, e.g. {@code 1002}) extended by two digits per
 * level ({@code 100201}, {@code 10020101}), so a code names its own ancestors.
 *
 * @param value the digits
 */
public record AccountCode(String value) implements Comparable<AccountCode> {

    private static final Pattern FORM = Pattern.compile("\\d{4}(\\d{2}){0,4}");

    public AccountCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException("account code must match " + FORM.pattern() + ": " + value);
        }
    }

    public static AccountCode of(String value) {
        return new AccountCode(value);
    }

    public static boolean isValid(String value) {
        // FORM by hand: every line of every voucher, appended or replayed, names an account
        int length = value == null ? 0 : value.length();
        if (length < 4 || length > 12 || length % 2 != 0) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** 1 for a 一级科目, 2 for its children, and so on. */
    public int level() {
        return (value.length() - 2) / 2;
    }

    /** True when this code is {@code parent}'s code plus one level (two digits). */
    public boolean extendsCode(AccountCode parent) {
        return value.length() == parent.value.length() + 2 && value.startsWith(parent.value);
    }

    /** The code one level up, or empty for a 一级科目. */
    public Optional<AccountCode> impliedParent() {
        return level() == 1 ? Optional.empty() : Optional.of(new AccountCode(value.substring(0, value.length() - 2)));
    }

    @Override
    public int compareTo(AccountCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
