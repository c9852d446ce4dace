package org.gongzhang.core.book.api.payload;

import org.gongzhang.core.money.Money;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code contract.signed}: 签订合同 with the awarded supplier, at the awarded amount.
 *
 * @param contractId     the contract's id
 * @param tenderId       the tender that awarded it
 * @param supplier       the awarded company
 * @param amount         合同金额
 * @param documentSha256 SHA-256 of the signed contract
 */
public record ContractSigned(String contractId, String tenderId, Bidder supplier, Money amount, String documentSha256) {

    public static ContractSigned from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        return new ContractSigned(TenderPayloads.id(p, "contractId"), TenderPayloads.id(p, "tenderId"),
                Bidder.read(p, "supplier"), p.amount("amount"), p.string("documentSha256"));
    }
}
