package org.gongzhang.core.book;

import static org.gongzhang.core.book.api.RefusalCode.VOUCHER_POSTED_IMMUTABLE;
import static org.gongzhang.core.book.api.RefusalCode.VOUCHER_POST_UNREVIEWED;
import static org.gongzhang.core.book.api.RefusalCode.VOUCHER_REVERSE_ALREADY_REVERSED;
import static org.gongzhang.core.book.api.RefusalCode.VOUCHER_REVERSE_NOT_POSTED;
import static org.gongzhang.core.book.api.RefusalCode.VOUCHER_REVERSE_REASON_BLANK;
import static org.gongzhang.core.book.api.RefusalCode.VOUCHER_REVIEW_BY_PREPARER;
import static org.gongzhang.core.book.api.RefusalCode.VOUCHER_REVIEW_NOT_RECORDED;
import static org.gongzhang.core.book.api.RefusalCode.VOUCHER_UNKNOWN;
import static org.gongzhang.core.book.api.RefusalCode.VOUCHER_VOIDED;
import static org.gongzhang.core.book.api.RefusalCode.VOUCHER_VOID_REASON_BLANK;

import java.time.LocalDate;
import org.gongzhang.core.book.api.payload.VoucherReversed;
import org.gongzhang.core.voucher.VoucherStatus;

/**
 * 审核 → 记账, 作废 and 红字冲销: review by someone other than the preparer, post only what was
 * reviewed and only in date order (序时控制), void only what is unposted, reverse a posted voucher once. A posted voucher is
 * otherwise immutable.
 */
final class WorkflowRules {

    private static final String VOUCHER_ID = "entry.payload.voucherId";

    private final Vouchers vouchers;

    WorkflowRules(Vouchers vouchers) {
        this.vouchers = vouchers;
    }

    void reviewed(String voucherId, String reviewer) {
        VoucherState voucher = unposted(voucherId);
        if (voucher.status() != VoucherStatus.RECORDED) {
            throw VOUCHER_REVIEW_NOT_RECORDED.at(VOUCHER_ID, voucherId);
        }
        if (voucher.preparer().equals(reviewer)) {
            throw VOUCHER_REVIEW_BY_PREPARER.at("entry.actor", reviewer);
        }
    }

    VoucherState posted(String voucherId, VoucherRules rules) {
        VoucherState voucher = unposted(voucherId);
        if (voucher.status() != VoucherStatus.REVIEWED) {
            throw VOUCHER_POST_UNREVIEWED.at(VOUCHER_ID, voucherId);
        }
        rules.inDateOrder(voucher.word(), voucher.localDate(), VOUCHER_ID);
        return voucher;
    }

    void voided(String voucherId, String reason) {
        unposted(voucherId);
        Require.nonBlank(reason, VOUCHER_VOID_REASON_BLANK, "entry.payload.reason");
    }

    void reversed(VoucherReversed reversal, VoucherRules rules, LocalDate today) {
        rules.freshId(reversal.voucherId(), VOUCHER_ID);
        VoucherState original = vouchers.find(reversal.reverses())
                .orElseThrow(() -> VOUCHER_UNKNOWN.at("entry.payload.reverses", reversal.reverses()));
        if (original.status() != VoucherStatus.POSTED) {
            throw VOUCHER_REVERSE_NOT_POSTED.at("entry.payload.reverses", reversal.reverses());
        }
        if (original.reversed()) {
            throw VOUCHER_REVERSE_ALREADY_REVERSED.at("entry.payload.reverses", reversal.reverses());
        }
        Require.nonBlank(reversal.reason(), VOUCHER_REVERSE_REASON_BLANK, "entry.payload.reason");
        rules.dated(reversal.date(), today, "entry.payload.date");
        rules.inDateOrder(original.word(), reversal.date(), "entry.payload.date");
    }

    private VoucherState unposted(String voucherId) {
        VoucherState voucher = vouchers.find(voucherId).orElseThrow(() -> VOUCHER_UNKNOWN.at(VOUCHER_ID, voucherId));
        if (voucher.status() == VoucherStatus.POSTED) {
            throw VOUCHER_POSTED_IMMUTABLE.at(VOUCHER_ID, voucherId);
        }
        if (voucher.status() == VoucherStatus.VOIDED) {
            throw VOUCHER_VOIDED.at(VOUCHER_ID, voucherId);
        }
        return voucher;
    }
}
