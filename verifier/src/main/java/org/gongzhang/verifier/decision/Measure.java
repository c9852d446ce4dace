package org.gongzhang.verifier.decision;

/**
 * The four tests a joint decision must pass, in the order they are applied: the quorum by area and
 * by head (both on the roll), then the vote in favour by area and by head (both on the participants).
 */
public enum Measure {
    /** 参与表决的专有部分面积 ≥ 2/3 of the roll's area. */
    QUORUM_AREA("participating.area"),
    /** 参与表决的人数 ≥ 2/3 of the roll's owners. */
    QUORUM_OWNERS("participating.owners"),
    /** 同意的面积: ≥ 3/4 (MAJOR) or > 1/2 (ORDINARY) of the participating area. */
    APPROVAL_AREA("for.area"),
    /** 同意的人数: ≥ 3/4 (MAJOR) or > 1/2 (ORDINARY) of the participating owners. */
    APPROVAL_OWNERS("for.owners");

    private final String field;

    Measure(String field) {
        this.field = field;
    }

    /** The payload field that falls short, e.g. {@code participating.area}. */
    public String field() {
        return field;
    }
}
