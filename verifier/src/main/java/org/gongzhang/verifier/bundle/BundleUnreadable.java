package org.gongzhang.verifier.bundle;

/** A bundle whose container or manifest cannot be read, so none of its entries can be checked. */
public final class BundleUnreadable extends RuntimeException {
    public BundleUnreadable(String message) {
        super(message);
    }

    public BundleUnreadable(String message, Throwable cause) {
        super(message, cause);
    }
}
