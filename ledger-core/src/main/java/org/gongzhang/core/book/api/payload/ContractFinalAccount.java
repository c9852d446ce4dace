package org.gongzhang.core.book.api.payload;

import org.gongzhang.core.money.Money;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code contract.final-account}: 结算, the amount finally owed, with the audit report (结算审计) where
 * one is required.
 *
 * @param contractId        the contract
 * @param finalAmount       结算金额
 * @param auditReportSha256 SHA-256 of the audit report, or null
 */
public record ContractFinalAccount(String contractId, Money finalAmount, String auditReportSha256) {

    public static ContractFinalAccount from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        return new ContractFinalAccount(TenderPayloads.id(p, "contractId"), p.amount("finalAmount"),
                TenderPayloads.nullable(p, "auditReportSha256"));
    }
}
