package org.gongzhang.reporting.api;

/**
 * Whose keys signed a voucher's 制单, 审核 and 记账 entries: {@value #OWN} (the person's own key),
 * {@value #CUSTODIAL} (the service for them, 代签), or null when the step was not taken or is unknown.
 *
 * @param preparer the voucher.recorded entry's
 * @param reviewer the voucher.reviewed entry's
 * @param poster   the voucher.posted entry's
 */
public record VoucherSigners(String preparer, String reviewer, String poster) {

    public static final String OWN = "own";
    public static final String CUSTODIAL = "custodial";

    /** Nothing known: the voucher prints names without a mark. */
    public static final VoucherSigners UNKNOWN = new VoucherSigners(null, null, null);
}
