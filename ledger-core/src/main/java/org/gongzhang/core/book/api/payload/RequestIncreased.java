package org.gongzhang.core.book.api.payload;

import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.core.money.Money;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code request.increased}: 超支追加, the requester asks a new total for an approved request.
 *
 * @param requestId the request
 * @param amount    the new total
 * @param reason    why
 */
public record RequestIncreased(String requestId, Money amount, String reason) {

    public static RequestIncreased from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        return new RequestIncreased(p.id("requestId", RefusalCode.REQUEST_ID_INVALID), p.amount("amount"),
                p.string("reason"));
    }
}
