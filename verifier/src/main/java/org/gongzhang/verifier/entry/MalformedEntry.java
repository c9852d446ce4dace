package org.gongzhang.verifier.entry;

/** An entry whose envelope field {@link #field()} is missing or not of its form. */
public final class MalformedEntry extends RuntimeException {
    private final String field;

    public MalformedEntry(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** Dotted path of the offending field, e.g. {@code entry.index}. */
    public String field() {
        return field;
    }
}
