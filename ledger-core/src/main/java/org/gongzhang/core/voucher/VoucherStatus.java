package org.gongzhang.core.voucher;

/** Where a voucher stands in 录入 → 审核 → 记账, or 作废. */
public enum VoucherStatus {
    /** 已录入: recorded by the preparer, awaiting review. */
    RECORDED,
    /** 已审核: reviewed by someone other than the preparer. */
    REVIEWED,
    /** 已记账: posted, numbered and irreversible except by a red voucher. */
    POSTED,
    /** 已作废: voided before posting; it stays in the log. */
    VOIDED
}
