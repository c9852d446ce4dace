package org.gongzhang.verifier.decision;

/**
 * How strong a joint decision must be (民法典 §278). {@link #MAJOR} is the 3/4 class: raising the
 * maintenance fund, rebuilding, changing the use of common parts or operating them commercially;
 * {@link #ORDINARY} is everything else, including using the maintenance fund and hiring the
 * property company.
 */
public enum Matter {
    /** 一般事项: more than 1/2 of the participating area and of the participating owners. */
    ORDINARY,
    /** 重大事项: at least 3/4 of the participating area and of the participating owners. */
    MAJOR;

    /** True when a decision of this matter is strong enough for {@code required}. */
    public boolean covers(Matter required) {
        return this == MAJOR || required == ORDINARY;
    }
}
