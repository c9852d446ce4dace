package org.gongzhang.core.disclosure;

/** Where a statement (公示表) stands in 起草 → 会签 → 公示, or 撤回. */
public enum StatementStatus {
    /** 已起草: drafted by the preparer over closed periods, awaiting the community's sign-off. */
    DRAFTED,
    /** 已撤回: withdrawn before sign-off; it stays in the log. */
    WITHDRAWN,
    /** 已会签: signed off by a community auditor who did not draft it. */
    SIGNED,
    /** 已公示: published for its posting period (公示期); only a published correction (更正) supersedes it. */
    PUBLISHED
}
