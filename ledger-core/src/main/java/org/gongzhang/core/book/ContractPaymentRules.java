package org.gongzhang.core.book;

import static org.gongzhang.core.book.api.RefusalCode.CONTRACT_PAYMENT_ABOVE_CONTRACT;
import static org.gongzhang.core.book.api.RefusalCode.CONTRACT_PAYMENT_BEFORE_FINAL_ACCOUNT;
import static org.gongzhang.core.book.api.RefusalCode.CONTRACT_PAYMENT_BEFORE_SIGNING;
import static org.gongzhang.core.book.api.RefusalCode.CONTRACT_PAYMENT_CREDIT_NOT_CASH;
import static org.gongzhang.core.book.api.RefusalCode.CONTRACT_PAYMENT_DEBIT_NOT_EXPENSE;
import static org.gongzhang.core.book.api.RefusalCode.CONTRACT_UNKNOWN;
import static org.gongzhang.core.book.api.RefusalCode.PAYMENT_PREPARER_INVOLVED;
import static org.gongzhang.core.book.api.RefusalCode.PAYMENT_REQUEST_NOT_APPROVED;

import java.util.List;
import java.util.Optional;
import org.gongzhang.core.account.AccountCategory;
import org.gongzhang.core.account.Side;
import org.gongzhang.core.book.api.payload.ContractPayment;
import org.gongzhang.core.book.api.payload.VoucherRecorded;
import org.gongzhang.core.money.Money;
import org.gongzhang.core.voucher.VoucherLine;

/**
 * 合同付款: a voucher with {@code "payment": {"contract": id}} pays a signed contract. It debits
 * expense accounts (5xxx) and credits cash or bank (1001 现金, 1002 银行存款, 1009 其他货币资金),
 * is dated no earlier than the signing, is made only while the request its tender serves (if any)
 * is approved and neither refused nor cancelled, and never takes the payments not released above the
 * contract amount (or the final account, once settled). For works of ¥30,000 or more the last
 * payment — the one that reaches the contract amount, or any after acceptance — needs the final
 * account with its audit report first (杭州 §72). Whoever raised or approved the request the tender
 * serves does not prepare its contract's payments (nor review them, see {@link PaymentRules}).
 */
final class ContractPaymentRules {

    private static final List<String> CASH_ACCOUNTS = List.of("1001", "1002", "1009");

    private final Tenders tenders;
    private final Spending spending;

    ContractPaymentRules(Tenders tenders, Spending spending) {
        this.tenders = tenders;
        this.spending = spending;
    }

    void recorded(VoucherRecorded voucher, ContractPayment payment, String preparer) {
        ContractState contract = tenders.contract(payment.contractId())
                .orElseThrow(() -> CONTRACT_UNKNOWN.at("entry.payload.payment.contract", payment.contractId()));
        lines(voucher.lines());
        String requestId = tenders.tender(contract.tenderId()).orElseThrow().requestId();
        if (servedRequest(requestId).filter(request -> request.involves(preparer)).isPresent()) {
            throw PAYMENT_PREPARER_INVOLVED.at("entry.actor", preparer, requestId);
        }
        servedRequest(requestId).filter(request -> !request.payable()).ifPresent(request -> {
            throw PAYMENT_REQUEST_NOT_APPROVED.at("entry.payload.payment.contract", requestId, request.status());
        });
        if (voucher.date().isBefore(contract.signedDate())) {
            throw CONTRACT_PAYMENT_BEFORE_SIGNING.at("entry.payload.date", voucher.date(), contract.signedDate());
        }
        Money total = contract.paid().plus(voucher.total(Side.DEBIT));
        if (total.compareTo(contract.payable()) > 0) {
            throw CONTRACT_PAYMENT_ABOVE_CONTRACT.at("entry.payload.lines", total, contract.payable());
        }
        boolean last = total.equals(contract.amount()) || contract.accepted();
        if (last && contract.finalAmount() == null && ContractRules.needsAudit(contract)) {
            throw CONTRACT_PAYMENT_BEFORE_FINAL_ACCOUNT.at("entry.payload.payment.contract",
                    ContractRules.FINAL_AUDIT_THRESHOLD);
        }
    }

    /**
     * The request a tender serves. None when it names none, or when it was published before the book
     * checked the request a tender names and names one the book does not know.
     */
    private Optional<ExpenditureRequest> servedRequest(String requestId) {
        return Optional.ofNullable(requestId).flatMap(spending::request);
    }

    private static void lines(List<VoucherLine> lines) {
        for (int i = 0; i < lines.size(); i++) {
            VoucherLine line = lines.get(i);
            String at = "entry.payload.lines[" + i + "].account";
            if (line.side() == Side.DEBIT && AccountCategory.of(line.account()) != AccountCategory.EXPENSE) {
                throw CONTRACT_PAYMENT_DEBIT_NOT_EXPENSE.at(at, line.account());
            }
            if (line.side() == Side.CREDIT && CASH_ACCOUNTS.stream().noneMatch(line.account().value()::startsWith)) {
                throw CONTRACT_PAYMENT_CREDIT_NOT_CASH.at(at, line.account());
            }
        }
    }
}
