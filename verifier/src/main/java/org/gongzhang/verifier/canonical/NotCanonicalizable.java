package org.gongzhang.verifier.canonical;

/** The input is not JSON this ledger can canonicalize (malformed, duplicate keys, floats, …). */
public final class NotCanonicalizable extends RuntimeException {
    public NotCanonicalizable(String message) {
        super(message);
    }
}
