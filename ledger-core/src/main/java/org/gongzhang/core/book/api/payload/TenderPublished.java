package org.gongzhang.core.book.api.payload;

import java.time.LocalDate;
import java.util.List;
import org.gongzhang.core.money.Money;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code tender.published}: 招标公告 on the town's tender platform (业标镇管).
 *
 * @param tenderId    the tender's id
 * @param requestId   the expenditure request (支出申请) it serves, or null
 * @param title       项目名称
 * @param description what is to be done
 * @param budget      最高投标限价: no award above it
 * @param works       true for construction or repair works (工程), which need a final-account audit
 * @param noticeFrom  first day of the notice period, during which bids are received
 * @param noticeUntil last day of the notice period
 * @param bidOpening  开标日期
 * @param documents   招标文件, each cited by SHA-256
 */
public record TenderPublished(String tenderId, String requestId, String title, String description, Money budget,
        boolean works, LocalDate noticeFrom, LocalDate noticeUntil, LocalDate bidOpening,
        List<Attachments.AttachedFile> documents) {

    public static TenderPublished from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        String requestId = TenderPayloads.nullable(p, "requestId") == null ? null : TenderPayloads.id(p, "requestId");
        return new TenderPublished(TenderPayloads.id(p, "tenderId"), requestId, p.string("title"),
                p.string("description"), p.amount("budget"), TenderPayloads.flag(p, "works"), p.date("noticeFrom"),
                p.date("noticeUntil"), p.date("bidOpening"), p.array("documents").stream()
                        .map(d -> new Attachments.AttachedFile(d.string("sha256"), d.string("name"))).toList());
    }
}
