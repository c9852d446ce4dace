package org.gongzhang.reporting.api;

import java.time.LocalDate;

/**
 * A 记账凭证 as a voucher list shows it.
 *
 * @param voucherId     the voucher's id
 * @param word          凭证字
 * @param number        凭证号 once posted, else null
 * @param voucherNumber 凭证字号 such as {@code 记-3} once posted, else null
 * @param date          凭证日期
 * @param period        会计期间
 * @param status        RECORDED, REVIEWED, POSTED or VOIDED
 * @param summary       摘要 of the first line
 * @param total         借方合计 (negative on a red voucher)
 * @param attachments   附单据数
 * @param preparer      制单 actor
 * @param reviewer      审核 actor, or null
 * @param poster        记账 actor, or null
 * @param red           true for a 红字 voucher
 * @param reverses      the voucher a red one cancels, or null
 * @param corrects      the voucher this one corrects (订正), or null
 * @param reversedBy    the red voucher that cancels this one, or null
 * @param recordedIndex the entry that recorded it
 * @param postedIndex   the entry that posted it, or null
 */
public record VoucherSummary(String voucherId, String word, Integer number, String voucherNumber, LocalDate date,
        String period, String status, String summary, Amount total, int attachments, String preparer,
        String reviewer, String poster, boolean red, String reverses, String corrects, String reversedBy,
        long recordedIndex, Long postedIndex) {
}
