package org.gongzhang.core.book.api.payload;

import java.time.LocalDate;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code contract.accepted}: 验收 of the works or services.
 *
 * @param contractId       the contract
 * @param acceptanceSha256 SHA-256 of the acceptance note (验收单)
 * @param date             验收日期
 */
public record ContractAccepted(String contractId, String acceptanceSha256, LocalDate date) {

    public static ContractAccepted from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        return new ContractAccepted(TenderPayloads.id(p, "contractId"), p.string("acceptanceSha256"), p.date("date"));
    }
}
