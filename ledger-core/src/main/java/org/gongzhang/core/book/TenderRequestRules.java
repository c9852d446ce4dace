package org.gongzhang.core.book;

import static org.gongzhang.core.book.api.RefusalCode.TENDER_BUDGET_ABOVE_APPROVED;
import static org.gongzhang.core.book.api.RefusalCode.TENDER_REQUEST_DUPLICATE;
import static org.gongzhang.core.book.api.RefusalCode.TENDER_REQUEST_NOT_APPROVED;
import static org.gongzhang.core.book.api.RefusalCode.TENDER_WORKS_REQUIRED;

import java.time.LocalDate;
import org.gongzhang.core.book.api.payload.TenderPublished;
import org.gongzhang.core.money.Money;

/**
 * 招标 for an expenditure request (业标镇管 serving 业财社管): a tender that names a request serves
 * one that is approved and neither refused nor cancelled; works stay works, so that the final
 * account is audited; the budget stays within what the approval leaves after the request's direct
 * payments; and a request has one tender at a time, another only once the earlier one has failed
 * (流标: its notice ended with too few bids). Contract payments then count as the request's
 * payments, and the request is no longer paid directly.
 */
final class TenderRequestRules {

    private static final String REQUEST_ID = "entry.payload.requestId";

    private final Spending spending;
    private final PaymentRules payments;
    private final Tenders tenders;

    TenderRequestRules(Spending spending, PaymentRules payments, Tenders tenders) {
        this.spending = spending;
        this.payments = payments;
        this.tenders = tenders;
    }

    /** The request a tender names, if it names one, as the tender is published on {@code date}. */
    void published(TenderPublished tender, LocalDate date) {
        String requestId = tender.requestId();
        if (requestId == null) {
            return;
        }
        ExpenditureRequest request = new RequestRules(spending).known(requestId);
        if (!request.payable()) {
            throw TENDER_REQUEST_NOT_APPROVED.at(REQUEST_ID, requestId, request.status());
        }
        if (request.works() && !tender.works()) {
            throw TENDER_WORKS_REQUIRED.at("entry.payload.works", requestId);
        }
        tenders.standingFor(requestId).entrySet().stream().filter(t -> !t.getValue().failed(date)).findFirst()
                .ifPresent(live -> {
                    throw TENDER_REQUEST_DUPLICATE.at(REQUEST_ID, requestId, live.getKey());
                });
        Money paid = payments.paidSoFar(request);
        Money left = request.approved().minus(paid);
        if (tender.budget().compareTo(left) > 0) {
            throw TENDER_BUDGET_ABOVE_APPROVED.at("entry.payload.budget", tender.budget(), request.approved(), paid, left);
        }
    }
}
