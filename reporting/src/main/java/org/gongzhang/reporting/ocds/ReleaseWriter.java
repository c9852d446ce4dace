package org.gongzhang.reporting.ocds;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongzhang.core.book.api.payload.Attachments.AttachedFile;
import org.gongzhang.core.book.api.payload.Bidder;
import org.gongzhang.core.book.api.payload.TenderPublished;
import org.gongzhang.core.money.Money;
import org.gongzhang.verifier.entry.EntryHeader;

/**
 * Writes one OCDS release: the contracting process as it stands after one entry. Parties are the
 * compound's owners' assembly (业主大会, buyer and payer), the town's tender platform (procuring
 * entity), the bidders (tenderers) and the awarded company (supplier, payee). Amounts are exact:
 * integer 分 become decimals of scale 2, never doubles. Files are cited by SHA-256 in the
 * documents' descriptions.
 */
final class ReleaseWriter {

    /** Business dates are the compound's calendar days, Beijing time. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final String CURRENCY = "CNY";

    private final OcdsSettings settings;
    private final TenderProcess process;

    ReleaseWriter(OcdsSettings settings, TenderProcess process) {
        this.settings = settings;
        this.process = process;
    }

    ObjectNode release(EntryHeader header, List<String> tags) {
        ObjectNode release = NODES.objectNode();
        release.put("ocid", settings.ocid(header.book(), process.tenderId()));
        release.put("id", header.index() + "-" + header.kind());
        release.put("date", header.recordedAt().toString());
        ArrayNode tagArray = release.putArray("tag");
        tags.forEach(tagArray::add);
        release.put("initiationType", "tender");
        release.put("language", "zh");
        release.set("parties", parties());
        release.set("buyer", buyerReference());
        if (process.tender().requestId() != null) {
            release.putObject("planning").putObject("budget").put("id", process.tender().requestId())
                    .put("description", "支出申请 " + process.tender().requestId());
        }
        release.set("tender", tender());
        if (process.award() != null) {
            release.putArray("awards").add(award());
        }
        if (process.contract() != null) {
            release.putArray("contracts").add(contract());
        }
        return release;
    }

    private ArrayNode parties() {
        Map<String, ObjectNode> parties = new LinkedHashMap<>();
        ObjectNode buyer = buyerReference();
        roles(buyer, "buyer");
        parties.put(buyer.get("id").asText(), buyer);
        ObjectNode platform = procuringEntity();
        roles(platform, "procuringEntity");
        parties.put(platform.get("id").asText(), platform);
        process.bids().values().forEach(bid -> {
            ObjectNode tenderer = company(bid.bidder());
            roles(tenderer, "tenderer");
            parties.put(tenderer.get("id").asText(), tenderer);
        });
        if (process.award() != null) {
            roles(parties.get(companyId(awarded())), "supplier");
        }
        if (!process.payments().isEmpty()) {
            roles(buyer, "payer");
            roles(parties.get(companyId(awarded())), "payee");
        }
        ArrayNode array = NODES.arrayNode();
        parties.values().forEach(array::add);
        return array;
    }

    private ObjectNode tender() {
        TenderPublished published = process.tender();
        ObjectNode tender = NODES.objectNode();
        tender.put("id", published.tenderId());
        tender.put("title", published.title());
        tender.put("description", published.description());
        tender.put("status", process.award() == null ? "active" : "complete");
        tender.set("procuringEntity", procuringEntity());
        tender.set("value", value(published.budget()));
        tender.put("procurementMethod", "open");
        tender.put("mainProcurementCategory", published.works() ? "works" : "services");
        tender.set("tenderPeriod", period(published.noticeFrom(), published.noticeUntil()));
        tender.putObject("awardPeriod").put("startDate", startOf(published.bidOpening()));
        if (!process.bids().isEmpty()) {
            tender.put("numberOfTenderers", process.bids().size());
            ArrayNode tenderers = tender.putArray("tenderers");
            process.bids().values().forEach(bid -> tenderers.add(reference(company(bid.bidder()))));
        }
        ArrayNode documents = tender.putArray("documents");
        for (AttachedFile file : published.documents()) {
            documents.add(document(file.sha256(), "biddingDocuments", file.name()));
        }
        if (process.reportSha256() != null) {
            documents.add(document(process.reportSha256(), "evaluationReports", "评标报告"));
        }
        return tender;
    }

    private ObjectNode award() {
        ObjectNode award = NODES.objectNode();
        award.put("id", awardId());
        award.put("title", process.tender().title() + " 中标");
        award.put("status", process.contract() == null ? "pending" : "active");
        award.put("date", startOf(process.awardDate()));
        award.set("value", value(process.award().amount()));
        award.putArray("suppliers").add(reference(company(awarded())));
        if (process.awardNotice() != null) {
            ObjectNode notice = award.putArray("documents").addObject();
            notice.put("id", "award-notice-" + process.tenderId());
            notice.put("documentType", "awardNotice");
            notice.put("title", "中标公示");
            notice.put("description", "公示期 " + process.awardNotice().noticeFrom() + " 至 " + process.awardNotice().noticeUntil());
            notice.put("datePublished", startOf(process.awardNotice().noticeFrom()));
        }
        return award;
    }

    private ObjectNode contract() {
        ObjectNode contract = NODES.objectNode();
        contract.put("id", process.contract().contractId());
        contract.put("awardID", awardId());
        contract.put("title", process.tender().title() + " 合同");
        contract.put("status", process.terminated() ? "terminated" : "active");
        contract.set("value", value(process.contract().amount()));
        contract.put("dateSigned", startOf(process.signedOn()));
        contract.putArray("documents").add(document(process.contract().documentSha256(), "contractSigned", "合同"));
        ObjectNode implementation = contract.putObject("implementation");
        ArrayNode transactions = implementation.putArray("transactions");
        process.payments().forEach((voucherId, payment) -> {
            ObjectNode transaction = transactions.addObject();
            transaction.put("id", voucherId);
            transaction.put("date", startOf(payment.date()));
            transaction.set("value", value(payment.amount()));
            transaction.set("payer", buyerReference());
            transaction.set("payee", reference(company(awarded())));
        });
        ArrayNode documents = NODES.arrayNode();
        if (process.acceptance() != null) {
            documents.add(document(process.acceptance().acceptanceSha256(), "completionCertificate",
                    "验收单 " + process.acceptance().date()));
        }
        if (process.finalAccount() != null && process.finalAccount().auditReportSha256() != null) {
            documents.add(document(process.finalAccount().auditReportSha256(), "finalAudit",
                    "结算审计报告，结算金额 " + process.finalAccount().finalAmount().format() + " 元"));
        }
        if (!documents.isEmpty()) {
            implementation.set("documents", documents);
        }
        return contract;
    }

    private String awardId() {
        return process.tenderId() + "-" + process.award().bidId();
    }

    private Bidder awarded() {
        return process.bids().get(process.award().bidId()).bidder();
    }

    private ObjectNode buyerReference() {
        return NODES.objectNode().put("id", "compound-" + process.book().compound().id())
                .put("name", process.book().compound().name() + "业主大会");
    }

    private ObjectNode procuringEntity() {
        return NODES.objectNode().put("id", "street-" + process.book().street().id())
                .put("name", process.book().street().name() + "招标平台");
    }

    private ObjectNode company(Bidder bidder) {
        ObjectNode party = NODES.objectNode().put("id", companyId(bidder)).put("name", bidder.name());
        party.putObject("identifier").put("scheme", settings.creditCodeScheme()).put("id", bidder.creditCode())
                .put("legalName", bidder.name());
        return party;
    }

    private String companyId(Bidder bidder) {
        return settings.creditCodeScheme() + "-" + bidder.creditCode();
    }

    private static void roles(ObjectNode party, String role) {
        party.withArray("roles").add(role);
    }

    private static ObjectNode reference(ObjectNode party) {
        return NODES.objectNode().put("id", party.get("id").asText()).put("name", party.get("name").asText());
    }

    private static ObjectNode document(String sha256, String type, String title) {
        return NODES.objectNode().put("id", sha256).put("documentType", type).put("title", title)
                .put("description", "SHA-256: " + sha256);
    }

    private static ObjectNode period(LocalDate from, LocalDate until) {
        return NODES.objectNode().put("startDate", startOf(from)).put("endDate", endOf(until));
    }

    /** 分 as yuan, exactly: scale 2, never through a double. */
    static ObjectNode value(Money amount) {
        return NODES.objectNode().put("amount", BigDecimal.valueOf(amount.fen(), 2)).put("currency", CURRENCY);
    }

    static String startOf(LocalDate date) {
        return DATE_TIME.format(date.atStartOfDay(ZONE));
    }

    static String endOf(LocalDate date) {
        return DATE_TIME.format(date.atTime(LocalTime.of(23, 59, 59)).atZone(ZONE));
    }
}
