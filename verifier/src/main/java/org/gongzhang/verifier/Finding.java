package org.gongzhang.verifier;

/**
 * One thing a verification found wrong (审计发现).
 *
 * @param index   the entry it concerns, or {@link #WHOLE_LOG} when it concerns the bundle or log as a whole
 * @param code    stable machine-readable code, e.g. {@code chain.prev-mismatch}
 * @param message explanation in English
 */
public record Finding(long index, String code, String message) {

    /** The index of findings about the bundle or the log as a whole rather than one entry. */
    public static final long WHOLE_LOG = -1;

    /** {@code entry <index>: <code>: <message>}, or {@code bundle: …} for the whole log. */
    @Override
    public String toString() {
        return (index == WHOLE_LOG ? "bundle" : "entry " + index) + ": " + code + ": " + message;
    }
}
