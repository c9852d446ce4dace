package org.gongzhang.verifier.decision;

/** Ways a tally contradicts itself, whatever the result it claims. */
public enum Inconsistency {
    /** The roll (应参与表决) holds no owner. */
    ROLL_WITHOUT_OWNERS("roll.owners"),
    /** The roll holds no area. */
    ROLL_WITHOUT_AREA("roll.area"),
    /** More owners took part than the roll holds. */
    PARTICIPATING_OWNERS_ABOVE_ROLL("participating.owners"),
    /** More area took part than the roll holds. */
    PARTICIPATING_AREA_ABOVE_ROLL("participating.area"),
    /** For, against and abstain do not add up to the participating owners. */
    VOTES_OWNERS_NOT_PARTICIPATING("participating.owners"),
    /** For, against and abstain do not add up to the participating area. */
    VOTES_AREA_NOT_PARTICIPATING("participating.area");

    private final String field;

    Inconsistency(String field) {
        this.field = field;
    }

    /** The payload field at fault, e.g. {@code participating.area}. */
    public String field() {
        return field;
    }

    /** True for the two ways participation can exceed the roll. */
    public boolean aboveRoll() {
        return this == PARTICIPATING_OWNERS_ABOVE_ROLL || this == PARTICIPATING_AREA_ABOVE_ROLL;
    }

    /** True for the two ways the votes can miss the participants. */
    public boolean votesMiss() {
        return this == VOTES_OWNERS_NOT_PARTICIPATING || this == VOTES_AREA_NOT_PARTICIPATING;
    }
}
