package org.gongzhang.core.book.api;

import java.util.Arrays;

/**
 * A submission the book refuses. Nothing is appended. {@link #code()} is a {@link RefusalCode}'s
 * code and a message key in the {@code i18n/ledger} bundles, with {@link #args()} as its
 * MessageFormat arguments; {@link #field()} is the dotted path of the offending field
 * (e.g. {@code entry.payload.lines[1].debit}) or null.
 */
public class LedgerRefusal extends RuntimeException {

    /** How the refusal maps to HTTP: 422, 409, 403 or 404. */
    public enum Kind { INVALID, CONFLICT, FORBIDDEN, NOT_FOUND }

    private final Kind kind;
    private final String code;
    private final String field;
    private final Object[] args;

    public LedgerRefusal(Kind kind, String code, String field, Object... args) {
        super(code + (field == null ? "" : " at " + field) + (args.length == 0 ? "" : " " + Arrays.toString(args)));
        this.kind = kind;
        this.code = code;
        this.field = field;
        this.args = args.clone();
    }

    public static LedgerRefusal invalid(String code, String field, Object... args) {
        return new LedgerRefusal(Kind.INVALID, code, field, args);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public Object[] args() {
        return args.clone();
    }
}
