package org.gongzhang.core.book;

import static org.gongzhang.core.book.api.RefusalCode.PAYMENT_CREDIT_NOT_CASH;
import static org.gongzhang.core.book.api.RefusalCode.PAYMENT_DEBIT_NOT_REQUEST_ACCOUNT;
import static org.gongzhang.core.book.api.RefusalCode.PAYMENT_EXCEEDS_APPROVED;
import static org.gongzhang.core.book.api.RefusalCode.PAYMENT_PREPARER_INVOLVED;
import static org.gongzhang.core.book.api.RefusalCode.PAYMENT_REQUEST_NOT_APPROVED;
import static org.gongzhang.core.book.api.RefusalCode.PAYMENT_REVIEWER_INVOLVED;
import static org.gongzhang.core.book.api.RefusalCode.PAYMENT_REQUEST_TENDERED;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_TENDER_REQUIRED;
import static org.gongzhang.core.book.api.RefusalCode.REQUEST_UNKNOWN;

import java.util.List;
import java.util.Optional;
import org.gongzhang.core.account.Side;
import org.gongzhang.core.book.api.payload.VoucherRecorded;
import org.gongzhang.core.money.Money;
import org.gongzhang.core.voucher.VoucherLine;
import org.gongzhang.core.voucher.VoucherStatus;

/**
 * 付款凭证 against an expenditure request: the request is approved (and neither refused nor
 * cancelled), needs no tender and has none standing (a tendered request is paid against the
 * contract), the voucher debits the request's expense account and credits cash or bank (1001, 1002
 * and their leaves), and with every earlier payment of the request that is neither voided nor
 * red-reversed it stays within the approved amount. Whoever raised the request or approved a step
 * of it neither prepares nor reviews its payment vouchers (DOMAIN §1: requester ≠ approver ≠
 * preparer ≠ reviewer), even when they also hold an agent's role. The book handles one entry
 * at a time, so two payments cannot both fit in what is left.
 */
final class PaymentRules {

    private static final String REQUEST = "entry.payload.payment.request";
    private static final List<String> CASH_AND_BANK = List.of("1001", "1002");

    private final Spending spending;
    private final Vouchers vouchers;
    private final Tenders tenders;

    PaymentRules(Spending spending, Vouchers vouchers, Tenders tenders) {
        this.spending = spending;
        this.vouchers = vouchers;
        this.tenders = tenders;
    }

    void paid(VoucherRecorded voucher, String requestId, String preparer) {
        ExpenditureRequest request = spending.request(requestId).orElseThrow(() -> REQUEST_UNKNOWN.at(REQUEST, requestId));
        if (request.involves(preparer)) {
            throw PAYMENT_PREPARER_INVOLVED.at("entry.actor", preparer, requestId);
        }
        if (!request.payable()) {
            throw PAYMENT_REQUEST_NOT_APPROVED.at(REQUEST, requestId, request.status());
        }
        if (request.tenderRequired()) {
            throw REQUEST_TENDER_REQUIRED.at(REQUEST, requestId, spending.rulesOf(request).tenderThreshold());
        }
        tenders.standingFor(requestId).keySet().stream().findFirst().ifPresent(tender -> {
            throw PAYMENT_REQUEST_TENDERED.at(REQUEST, requestId, tender);
        });
        lines(voucher.lines(), request);
        Money amount = voucher.total(Side.DEBIT);
        Money before = paidSoFar(request);
        if (before.plus(amount).compareTo(request.approved()) > 0) {
            throw PAYMENT_EXCEEDS_APPROVED.at("entry.payload.lines", amount, before, request.approved());
        }
    }

    /** 审核 of a payment voucher: not by who raised or approved the request it pays, directly or by its contract. */
    void reviewed(String voucherId, String reviewer) {
        Optional<ExpenditureRequest> paid = spending.paidBy(voucherId)
                .or(() -> tenders.requestPaidBy(voucherId).flatMap(spending::request));
        if (paid.filter(request -> request.involves(reviewer)).isPresent()) {
            throw PAYMENT_REVIEWER_INVOLVED.at("entry.actor", reviewer, voucherId);
        }
    }

    /** What the request's own payment vouchers add up to, leaving out the voided and the red-reversed. */
    Money paidSoFar(ExpenditureRequest request) {
        return request.payments().stream().map(vouchers::find).flatMap(Optional::stream)
                .filter(v -> v.status() != VoucherStatus.VOIDED && !v.reversed())
                .flatMap(v -> v.lines().stream()).filter(l -> l.side() == Side.DEBIT)
                .map(VoucherLine::amount).reduce(Money.ZERO, Money::plus);
    }

    private static void lines(List<VoucherLine> lines, ExpenditureRequest request) {
        for (int i = 0; i < lines.size(); i++) {
            VoucherLine line = lines.get(i);
            String at = "entry.payload.lines[" + i + "].account";
            if (line.side() == Side.DEBIT && !line.account().equals(request.account())) {
                throw PAYMENT_DEBIT_NOT_REQUEST_ACCOUNT.at(at, line.account(), request.account());
            }
            if (line.side() == Side.CREDIT && CASH_AND_BANK.stream().noneMatch(line.account().value()::startsWith)) {
                throw PAYMENT_CREDIT_NOT_CASH.at(at, line.account());
            }
        }
    }
}
