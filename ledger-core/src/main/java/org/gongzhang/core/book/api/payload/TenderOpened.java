package org.gongzhang.core.book.api.payload;

import java.util.List;
import org.gongzhang.core.money.Money;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code tender.opened}: 开标. Every received bid is revealed with its amount; the revealed file
 * must hash to what was sealed.
 *
 * @param tenderId the tender
 * @param bids     the revealed bids
 */
public record TenderOpened(String tenderId, List<RevealedBid> bids) {

    public static TenderOpened from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        return new TenderOpened(TenderPayloads.id(p, "tenderId"), p.array("bids").stream()
                .map(b -> new RevealedBid(TenderPayloads.id(b, "bidId"), b.amount("amount"), b.string("revealedSha256")))
                .toList());
    }

    /**
     * One bid as opened.
     *
     * @param bidId          the bid
     * @param amount         投标报价
     * @param revealedSha256 SHA-256 of the file opened
     */
    public record RevealedBid(String bidId, Money amount, String revealedSha256) {
    }
}
