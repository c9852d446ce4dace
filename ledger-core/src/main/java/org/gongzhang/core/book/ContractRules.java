package org.gongzhang.core.book;

import static org.gongzhang.core.book.api.RefusalCode.CONTRACT_ACCEPTANCE_DATE_INVALID;
import static org.gongzhang.core.book.api.RefusalCode.CONTRACT_ALREADY_ACCEPTED;
import static org.gongzhang.core.book.api.RefusalCode.CONTRACT_AMOUNT_NOT_AWARDED;
import static org.gongzhang.core.book.api.RefusalCode.CONTRACT_AUDIT_REPORT_REQUIRED;
import static org.gongzhang.core.book.api.RefusalCode.CONTRACT_AWARD_NOTICE_RUNNING;
import static org.gongzhang.core.book.api.RefusalCode.CONTRACT_AWARD_NOT_NOTICED;
import static org.gongzhang.core.book.api.RefusalCode.CONTRACT_FINAL_ACCOUNT_ABOVE_CONTRACT;
import static org.gongzhang.core.book.api.RefusalCode.CONTRACT_FINAL_ACCOUNT_BEFORE_ACCEPTANCE;
import static org.gongzhang.core.book.api.RefusalCode.CONTRACT_FINAL_ACCOUNT_BELOW_PAID;
import static org.gongzhang.core.book.api.RefusalCode.CONTRACT_FINAL_ACCOUNT_DUPLICATE;
import static org.gongzhang.core.book.api.RefusalCode.CONTRACT_ID_DUPLICATE;
import static org.gongzhang.core.book.api.RefusalCode.CONTRACT_SUPPLIER_NOT_AWARDED;
import static org.gongzhang.core.book.api.RefusalCode.CONTRACT_TENDER_ALREADY_CONTRACTED;
import static org.gongzhang.core.book.api.RefusalCode.CONTRACT_TENDER_NOT_AWARDED;
import static org.gongzhang.core.book.api.RefusalCode.CONTRACT_UNKNOWN;
import static org.gongzhang.core.book.api.RefusalCode.TENDER_UNKNOWN;

import java.time.LocalDate;
import org.gongzhang.core.book.TenderState.BidState;
import org.gongzhang.core.book.api.payload.ContractAccepted;
import org.gongzhang.core.book.api.payload.ContractFinalAccount;
import org.gongzhang.core.book.api.payload.ContractSigned;
import org.gongzhang.core.money.Money;

/**
 * 签订合同 → 验收 → 结算: a tendered project is contracted only with the awarded bidder at the
 * awarded amount, once the award notice (中标公示) has ended (业标镇管); acceptance falls between
 * signing and the day it is recorded; the final account (结算) follows acceptance, stays within the
 * contract and not below what was paid, and for works of ¥30,000 or more cites its audit report.
 */
final class ContractRules {

    /** Works (工程) of this amount or more are settled with an audit before the last payment (杭州 §72). */
    static final Money FINAL_AUDIT_THRESHOLD = Money.parse("30000.00");

    private static final String CONTRACT_ID = "entry.payload.contractId";

    private final Tenders tenders;
    private final LocalDate date;
    private final LocalDate today;

    /**
     * @param tenders the book's tenders and contracts
     * @param date    the entry's business date
     * @param today   today on the compound's calendar
     */
    ContractRules(Tenders tenders, LocalDate date, LocalDate today) {
        this.tenders = tenders;
        this.date = date;
        this.today = today;
    }

    /** True when the contract's final account needs an audit report, and its last payment the final account. */
    static boolean needsAudit(ContractState contract) {
        return contract.works() && contract.amount().compareTo(FINAL_AUDIT_THRESHOLD) >= 0;
    }

    void signed(ContractSigned contract) {
        if (tenders.contract(contract.contractId()).isPresent()) {
            throw CONTRACT_ID_DUPLICATE.at(CONTRACT_ID, contract.contractId());
        }
        String tenderId = contract.tenderId();
        TenderState tender = tenders.tender(tenderId)
                .orElseThrow(() -> TENDER_UNKNOWN.at("entry.payload.tenderId", tenderId));
        switch (tender.stage()) {
            case PUBLISHED, OPENED, EVALUATED -> throw CONTRACT_TENDER_NOT_AWARDED.at("entry.payload.tenderId", tenderId);
            case AWARDED -> throw CONTRACT_AWARD_NOT_NOTICED.at("entry.payload.tenderId", tenderId);
            case CONTRACTED -> throw CONTRACT_TENDER_ALREADY_CONTRACTED.at("entry.payload.tenderId", tender.contractId());
            case AWARD_NOTICED -> TenderRules.dated(date, today, tender.lastStepDate());
        }
        if (!date.isAfter(tender.awardNoticeUntilDate())) {
            throw CONTRACT_AWARD_NOTICE_RUNNING.at(TenderRules.BUSINESS_DATE, tender.awardNoticeUntilDate());
        }
        BidState award = tender.award();
        if (!award.name().equals(contract.supplier().name()) || !award.creditCode().equals(contract.supplier().creditCode())) {
            throw CONTRACT_SUPPLIER_NOT_AWARDED.at("entry.payload.supplier", award.name(), award.creditCode());
        }
        if (!award.amount().equals(contract.amount())) {
            throw CONTRACT_AMOUNT_NOT_AWARDED.at("entry.payload.amount", award.amount());
        }
        TenderRules.sha256(contract.documentSha256(), "entry.payload.documentSha256");
    }

    void accepted(ContractAccepted acceptance) {
        ContractState contract = known(acceptance.contractId());
        if (contract.accepted()) {
            throw CONTRACT_ALREADY_ACCEPTED.at(CONTRACT_ID, acceptance.contractId());
        }
        TenderRules.dated(date, today, contract.lastStepDate());
        TenderRules.sha256(acceptance.acceptanceSha256(), "entry.payload.acceptanceSha256");
        if (acceptance.date().isBefore(contract.signedDate()) || acceptance.date().isAfter(date)) {
            throw CONTRACT_ACCEPTANCE_DATE_INVALID.at("entry.payload.date", acceptance.date(), contract.signedDate(), date);
        }
    }

    void settled(ContractFinalAccount account) {
        ContractState contract = known(account.contractId());
        if (contract.finalAmount() != null) {
            throw CONTRACT_FINAL_ACCOUNT_DUPLICATE.at(CONTRACT_ID, account.contractId());
        }
        if (!contract.accepted()) {
            throw CONTRACT_FINAL_ACCOUNT_BEFORE_ACCEPTANCE.at(CONTRACT_ID, account.contractId());
        }
        TenderRules.dated(date, today, contract.lastStepDate());
        if (account.finalAmount().compareTo(contract.amount()) > 0) {
            throw CONTRACT_FINAL_ACCOUNT_ABOVE_CONTRACT.at("entry.payload.finalAmount", account.finalAmount(),
                    contract.amount());
        }
        if (account.finalAmount().compareTo(contract.paid()) < 0) {
            throw CONTRACT_FINAL_ACCOUNT_BELOW_PAID.at("entry.payload.finalAmount", account.finalAmount(), contract.paid());
        }
        if (account.auditReportSha256() != null) {
            TenderRules.sha256(account.auditReportSha256(), "entry.payload.auditReportSha256");
        } else if (needsAudit(contract)) {
            throw CONTRACT_AUDIT_REPORT_REQUIRED.at("entry.payload.auditReportSha256", FINAL_AUDIT_THRESHOLD);
        }
    }

    private ContractState known(String contractId) {
        return tenders.contract(contractId).orElseThrow(() -> CONTRACT_UNKNOWN.at(CONTRACT_ID, contractId));
    }
}
