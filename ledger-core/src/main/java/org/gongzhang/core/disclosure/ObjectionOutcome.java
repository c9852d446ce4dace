package org.gongzhang.core.disclosure;

/** What the community auditor's review (复核) of an objection found. */
public enum ObjectionOutcome {
    /** 成立: the objection stands; the statement calls for a correction (更正). */
    UPHELD,
    /** 不成立: the objection does not stand. */
    DISMISSED
}
