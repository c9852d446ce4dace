package org.gongzhang.core.disclosure;

/** Where an owner's objection (异议) to a published statement stands. */
public enum ObjectionStatus {
    /** 已提交: raised during the posting period. */
    SUBMITTED,
    /** 已受理: taken up by the committee or the accounting agent. */
    ACCEPTED,
    /** 已答复: answered. */
    ANSWERED,
    /** 已复核: the community auditor reviewed the answer, or the escalated objection. */
    REVIEWED,
    /** 已升级: still unanswered after its answer date, escalated to the community (社区/街道). */
    ESCALATED
}
