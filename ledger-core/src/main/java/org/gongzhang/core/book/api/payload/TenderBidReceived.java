package org.gongzhang.core.book.api.payload;

import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code tender.bid-received}: a sealed bid (密封投标) received during the notice period. It carries
 * no amount: the file is sealed, cited by its SHA-256, and revealed only at the opening.
 *
 * @param tenderId     the tender
 * @param bidId        the bid's id within the tender
 * @param bidder       who bids
 * @param sealedSha256 SHA-256 of the sealed bid file
 */
public record TenderBidReceived(String tenderId, String bidId, Bidder bidder, String sealedSha256) {

    public static TenderBidReceived from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        return new TenderBidReceived(TenderPayloads.id(p, "tenderId"), TenderPayloads.id(p, "bidId"),
                Bidder.read(p, "bidder"), p.string("sealedSha256"));
    }
}
