package org.gongzhang.core.book.api.payload;

import java.time.LocalDate;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code tender.award-noticed}: 中标公示, the award posted for anyone to object to.
 *
 * @param tenderId    the tender
 * @param noticeFrom  first day of the posting period
 * @param noticeUntil last day of the posting period
 */
public record TenderAwardNoticed(String tenderId, LocalDate noticeFrom, LocalDate noticeUntil) {

    public static TenderAwardNoticed from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        return new TenderAwardNoticed(TenderPayloads.id(p, "tenderId"), p.date("noticeFrom"), p.date("noticeUntil"));
    }
}
