package org.gongzhang.core.money;

/** A yuan string that is not a valid amount of an entry; {@link #problem()} says why. */
public final class InvalidAmount extends IllegalArgumentException {

    /** Why an amount string was refused. */
    public enum Problem {
        /** Not a plain decimal number such as {@code 12345.67}. */
        MALFORMED,
        /** More than two decimals: 分 is the smallest unit. */
        TOO_MANY_DECIMALS,
        /** Zero or negative: entries carry positive amounts, the side says the sign. */
        NOT_POSITIVE,
        /** Beyond {@code 999999999999.99}. */
        TOO_LARGE
    }

    private final Problem problem;
    private final String text;

    InvalidAmount(Problem problem, String text) {
        super(problem + ": " + text);
        this.problem = problem;
        this.text = text;
    }

    public Problem problem() {
        return problem;
    }

    /** The refused text as written in the entry. */
    public String text() {
        return text;
    }
}
