package org.gongzhang.core.book.api.payload;

import org.gongzhang.core.money.Money;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code tender.awarded}: 定标, the award to one opened bid at its amount.
 *
 * @param tenderId the tender
 * @param bidId    the winning bid (中标)
 * @param amount   中标金额, the bid's opened amount
 */
public record TenderAwarded(String tenderId, String bidId, Money amount) {

    public static TenderAwarded from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        return new TenderAwarded(TenderPayloads.id(p, "tenderId"), TenderPayloads.id(p, "bidId"), p.amount("amount"));
    }
}
