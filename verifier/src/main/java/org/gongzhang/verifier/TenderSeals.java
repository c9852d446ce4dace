package org.gongzhang.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongzhang.verifier.entry.EntryHeader;
import org.gongzhang.verifier.entry.EntryKind;

/**
 * 开标核验: every bid revealed at a tender's opening must be the file that was sealed when the bid
 * was received. Remembers the SHA-256 each {@code tender.bid-received} entry sealed and compares
 * each reveal of {@code tender.opened} with it, so that a bid file changed between receipt and
 * opening is found offline and named by the entry that sealed it.
 */
final class TenderSeals {

    /** A revealed file differs from the one sealed. */
    static final String REVEAL_MISMATCH = "tender.reveal-mismatch";
    /** A bid revealed that no earlier entry of the log received. */
    static final String REVEAL_UNSEALED = "tender.reveal-unsealed";

    private final Map<String, Seal> seals = new HashMap<>();

    /** Remembers a seal or checks a reveal, adding what it finds; other kinds pass untouched. */
    void check(long position, EntryHeader header, List<Finding> findings) {
        if (EntryKind.TENDER_BID_RECEIVED.wireName().equals(header.kind())) {
            JsonNode p = header.payload();
            seals.putIfAbsent(key(p.path("tenderId").asText(), p.path("bidId").asText()),
                    new Seal(position, p.path("sealedSha256").asText()));
        } else if (EntryKind.TENDER_OPENED.wireName().equals(header.kind())) {
            String tenderId = header.payload().path("tenderId").asText();
            for (JsonNode bid : header.payload().path("bids")) {
                reveal(position, tenderId, bid, findings);
            }
        }
    }

    private void reveal(long position, String tenderId, JsonNode bid, List<Finding> findings) {
        String bidId = bid.path("bidId").asText();
        String revealed = bid.path("revealedSha256").asText();
        Seal seal = seals.get(key(tenderId, bidId));
        if (seal == null) {
            findings.add(new Finding(position, REVEAL_UNSEALED, "bid " + bidId + " of tender " + tenderId
                    + " is revealed but no earlier entry received it sealed"));
        } else if (!seal.sha256().equals(revealed)) {
            findings.add(new Finding(position, REVEAL_MISMATCH, "bid " + bidId + " of tender " + tenderId
                    + " is revealed as " + revealed + " but entry " + seal.index() + " sealed " + seal.sha256()));
        }
    }

    private static String key(String tenderId, String bidId) {
        return tenderId + "/" + bidId;
    }

    /**
     * What a bid receipt sealed.
     *
     * @param index  the {@code tender.bid-received} entry
     * @param sha256 the sealed file's SHA-256, hex
     */
    private record Seal(long index, String sha256) {
    }
}
