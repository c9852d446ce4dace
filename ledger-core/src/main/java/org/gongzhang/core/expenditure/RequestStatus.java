package org.gongzhang.core.expenditure;

/** Where an expenditure request (支出申请) stands. */
public enum RequestStatus {
    /** 审批中: a step of its path is pending. */
    PENDING,
    /** 退回补充: sent back to the requester with a question. */
    RETURNED,
    /** 已批准: every step approved; payable up to the approved amount. */
    APPROVED,
    /** 不予批准. */
    REFUSED,
    /** 已撤销. */
    CANCELLED
}
