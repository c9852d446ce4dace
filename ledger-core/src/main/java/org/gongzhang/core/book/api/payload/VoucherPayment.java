package org.gongzhang.core.book.api.payload;

import java.util.Optional;
import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * The {@code payment} of a {@code voucher.recorded} payload: the approved request the voucher pays,
 * {@code "payment": {"request": "<requestId>"}}.
 *
 * @param request the request paid
 */
public record VoucherPayment(String request) {

    /**
     * The request a voucher pays, or empty for a voucher that pays no request (none, or one that
     * pays a contract, {@code "payment": {"contract": …}}).
     */
    public static Optional<VoucherPayment> from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        if (!p.has("payment")) {
            return Optional.empty();
        }
        PayloadReader payment = p.object("payment");
        if (payment.has("contract") && !payment.has("request")) {
            return Optional.empty();
        }
        return Optional.of(new VoucherPayment(payment.id("request", RefusalCode.REQUEST_ID_INVALID)));
    }
}
