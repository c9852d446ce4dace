package org.gongzhang.core.book.api.payload;

import java.util.List;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code tender.evaluated}: 评标. The evaluation ranks every opened bid, best first.
 *
 * @param tenderId     the tender
 * @param ranking      the bids, best first
 * @param reportSha256 SHA-256 of the evaluation report (评标报告)
 */
public record TenderEvaluated(String tenderId, List<String> ranking, String reportSha256) {

    public static TenderEvaluated from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        return new TenderEvaluated(TenderPayloads.id(p, "tenderId"), TenderPayloads.ids(p, "ranking"),
                p.string("reportSha256"));
    }
}
