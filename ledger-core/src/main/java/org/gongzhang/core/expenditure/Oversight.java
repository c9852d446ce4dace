package org.gongzhang.core.expenditure;

/** A level above the compound that is told of spending or to which a late step is escalated. */
public enum Oversight {
    /** 社区. */
    COMMUNITY,
    /** 街道 / 镇. */
    TOWN
}
