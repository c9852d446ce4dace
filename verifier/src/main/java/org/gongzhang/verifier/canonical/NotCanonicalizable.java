package org.gongzhang.verifier.canonical;

/**
 * The input is not JSON this ledger can canonicalize (malformed, duplicate keys, floats, …). The
 * message is English, for the command line and logs; {@link #reason()} says which rule was broken,
 * with {@link #detail()} (a key, a number) where it has one, for a service to say it in its
 * caller's language.
 */
public final class NotCanonicalizable extends RuntimeException {

    /** Which rule of canonical JSON the input breaks. */
    public enum Reason {
        /** Not JSON at all (a syntax error); {@link #line()} and {@link #column()} say where. */
        SYNTAX,
        /** A key twice in one object; the key is the {@link #detail()}. */
        DUPLICATE_KEY,
        /** Nothing but white space. */
        EMPTY,
        /** A number with a fraction or exponent (amounts are strings). */
        NOT_AN_INTEGER,
        /** An integer beyond ±2^53; the number is the {@link #detail()}. */
        INTEGER_TOO_LARGE,
        /** A string holding half of a surrogate pair. */
        LONE_SURROGATE,
        /** A value JSON has no canonical form for. */
        UNSUPPORTED_VALUE,
        /** A signed entry without its entry or its signature. */
        INCOMPLETE_ENTRY
    }

    private final Reason reason;
    private final String detail;
    private final long line;
    private final long column;

    public NotCanonicalizable(Reason reason, String message) {
        this(reason, null, -1, -1, message);
    }

    public NotCanonicalizable(Reason reason, String detail, long line, long column, String message) {
        super(message);
        this.reason = reason;
        this.detail = detail;
        this.line = line;
        this.column = column;
    }

    public Reason reason() {
        return reason;
    }

    /** The key or number at fault, or null. */
    public String detail() {
        return detail;
    }

    /** The 1-based line of a syntax error, or -1 when not known. */
    public long line() {
        return line;
    }

    /** The 1-based column of a syntax error, or -1 when not known. */
    public long column() {
        return column;
    }
}
