package org.gongzhang.core.book.api.payload;

import java.util.Optional;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * The contract a {@code voucher.recorded} pays against: {@code "payment": {"contract": "<id>"}}. A
 * voucher without {@code payment.contract} pays no contract.
 *
 * @param contractId the contract paid
 */
public record ContractPayment(String contractId) {

    public static Optional<ContractPayment> from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        if (!p.has("payment") || !p.object("payment").has("contract")) {
            return Optional.empty();
        }
        return Optional.of(new ContractPayment(TenderPayloads.id(p.object("payment"), "contract")));
    }
}
