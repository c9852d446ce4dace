package org.gongzhang.service.exchange;

/**
 * Who imports: the preparer (制单) records every voucher, the reviewer (审核) reviews and posts it.
 * Actor ids such as {@code agent:li-na}.
 *
 * @param preparer the preparer's actor id
 * @param reviewer the reviewer's actor id, never the preparer's
 */
public record ActingStaff(String preparer, String reviewer) {
}
