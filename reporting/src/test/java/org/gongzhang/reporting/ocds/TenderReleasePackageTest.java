package org.gongzhang.reporting.ocds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongzhang.reporting.ocds.TenderLog.BOOK;
import static org.gongzhang.reporting.ocds.TenderLog.TENDER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.gongzhang.core.money.Money;
import org.junit.jupiter.api.Test;

/** A tender's OCDS 1.1.5 release package is valid against the official schema and speaks the codelists. */
class TenderReleasePackageTest {

    private static final OcdsSettings SETTINGS = new OcdsSettings("gzdemo", URI.create("https://gongzhang.example/ocds/"),
            "北山街道招标平台", null, null, "CN-USCC");

    private final ObjectNode pack = TenderReleasePackage.of(SETTINGS, TenderLog.wholeTender().entries(), TENDER);

    @Test
    void theWholeLifecycleWithPaymentsIsAValidReleasePackage() {
        assertThat(OcdsSchema.validate(pack)).isEmpty();
    }

    @Test
    void aReleaseWithoutItsOcidFailsValidation() {
        ((ObjectNode) pack.get("releases").get(3)).remove("ocid");

        assertThat(messages(pack)).anyMatch(m -> m.contains("ocid"));
    }

    @Test
    void aTagOutsideTheReleaseTagCodelistFailsValidation() {
        ((ObjectNode) pack.get("releases").get(0)).putArray("tag").add("bidOpening");

        assertThat(messages(pack)).anyMatch(m -> m.contains("tag"));
    }

    @Test
    void anAmountWrittenAsTextFailsValidation() {
        ((ObjectNode) pack.at("/releases/0/tender/value")).put("amount", "120000.00");

        assertThat(messages(pack)).anyMatch(m -> m.contains("amount"));
    }

    @Test
    void onePackageOfOneReleasePerLifecycleStep() {
        assertThat(pack.get("uri").asText()).isEqualTo("https://gongzhang.example/ocds/books/lanyuan-public/tenders/t-2026-001/ocds.json");
        assertThat(pack.get("version").asText()).isEqualTo("1.1");
        assertThat(pack.get("publishedDate").asText()).isEqualTo(last(pack).get("date").asText());
        assertThat(releases(pack).stream().map(r -> String.join("+", texts(r.get("tag")))).toList()).containsExactly(
                "tender", "tenderUpdate", "tenderUpdate", "tenderUpdate", "tenderUpdate", "tenderUpdate", "award",
                "awardUpdate", "awardUpdate+contract", "implementation", "implementation", "implementationUpdate",
                "implementationUpdate", "implementationUpdate", "implementation+contractTermination");
        assertThat(releases(pack)).allSatisfy(r -> {
            assertThat(r.get("ocid").asText()).isEqualTo("ocds-gzdemo-" + BOOK + "-" + TENDER);
            assertThat(r.get("initiationType").asText()).isEqualTo("tender");
        });
        assertThat(releases(pack).stream().map(r -> r.get("id").asText()).distinct()).hasSize(15);
    }

    @Test
    void theLastReleaseShowsTheWholeProcess() {
        JsonNode last = last(pack);

        assertThat(last.at("/tender/status").asText()).isEqualTo("complete");
        assertThat(last.at("/tender/numberOfTenderers").asInt()).isEqualTo(3);
        assertThat(last.at("/tender/procuringEntity/name").asText()).isEqualTo("北山街道招标平台");
        assertThat(last.at("/buyer/name").asText()).isEqualTo("兰园小区业主大会");
        assertThat(last.at("/awards/0/status").asText()).isEqualTo("active");
        assertThat(last.at("/awards/0/suppliers/0/id").asText()).isEqualTo("CN-USCC-91330106MA2B00001Y");
        assertThat(last.at("/contracts/0/awardID").asText()).isEqualTo(last.at("/awards/0/id").asText());
        assertThat(last.at("/contracts/0/status").asText()).isEqualTo("terminated");
        assertThat(last.at("/contracts/0/dateSigned").asText()).isEqualTo("2026-03-17T00:00:00+08:00");
        assertThat(StreamSupport.stream(last.at("/contracts/0/implementation/documents").spliterator(), false)
                .map(d -> d.get("documentType").asText())).containsExactly("completionCertificate", "finalAudit");
    }

    @Test
    void paymentsAreTheContractsTransactionsAndAVoidedOneLeavesThem() {
        JsonNode transactions = last(pack).at("/contracts/0/implementation/transactions");

        assertThat(StreamSupport.stream(transactions.spliterator(), false).map(t -> t.get("id").asText()))
                .containsExactly("p1", "p2");
        assertThat(transactions.get(1).at("/payer/name").asText()).isEqualTo("兰园小区业主大会");
        assertThat(transactions.get(1).at("/payee/name").asText()).isEqualTo("杭州安居建设有限公司");
        assertThat(transactions.get(1).at("/date").asText()).isEqualTo("2026-03-30T00:00:00+08:00");
        assertThat(pack.at("/releases/11/contracts/0/implementation/transactions").size()).isEqualTo(1);
    }

    @Test
    void amountsAreExactDecimalsOfTheFen() {
        JsonNode amount = pack.at("/releases/5/tender/value/amount");

        assertThat(amount.isBigDecimal()).isTrue();
        assertThat(amount.decimalValue()).isEqualTo(new BigDecimal("120000.00"));
        assertThat(ReleaseWriter.value(Money.ofFen(9_500_005)).get("amount").decimalValue()).isEqualTo(new BigDecimal("95000.05"));
        assertThat(ReleaseWriter.value(Money.ofFen(1)).get("amount").decimalValue()).isEqualTo(new BigDecimal("0.01"));
        assertThat(TenderReleasePackage.toJson(pack)).contains("\"amount\" : 98000.00,").doesNotContain("E+");
    }

    @Test
    void everyCodeUsedIsInItsCodelist() {
        List<JsonNode> releases = releases(pack);
        assertThat(releases.stream().flatMap(r -> texts(r.get("tag")).stream()))
                .allMatch(OcdsSchema.codelist("releaseTag.csv")::contains);
        assertThat(releases.stream().flatMap(r -> StreamSupport.stream(r.get("parties").spliterator(), false))
                .flatMap(p -> texts(p.get("roles")).stream())).allMatch(OcdsSchema.codelist("partyRole.csv")::contains);
        assertThat(values(releases, "/tender/status")).allMatch(OcdsSchema.codelist("tenderStatus.csv")::contains);
        assertThat(values(releases, "/awards/0/status")).allMatch(OcdsSchema.codelist("awardStatus.csv")::contains);
        assertThat(values(releases, "/contracts/0/status")).allMatch(OcdsSchema.codelist("contractStatus.csv")::contains);
        assertThat(values(releases, "/tender/procurementMethod")).allMatch(OcdsSchema.codelist("method.csv")::contains);
        assertThat(values(releases, "/tender/mainProcurementCategory"))
                .allMatch(OcdsSchema.codelist("procurementCategory.csv")::contains);
        assertThat(values(releases, "/initiationType")).allMatch(OcdsSchema.codelist("initiationType.csv")::contains);
        assertThat(pack.findValuesAsText("currency")).isNotEmpty().allMatch(OcdsSchema.codelist("currency.csv")::contains);
        assertThat(pack.findValuesAsText("documentType")).contains("biddingDocuments", "evaluationReports", "awardNotice",
                "contractSigned", "completionCertificate", "finalAudit").allMatch(OcdsSchema.codelist("documentType.csv")::contains);
        assertThat(values(releases, "/parties/2/roles/0")).containsOnly("tenderer");
    }

    @Test
    void theCodelistsAreReadFromTheirCodeColumn() {
        assertThat(OcdsSchema.codelist("releaseTag.csv")).contains("tender", "contractTermination").doesNotContain("Code");
        assertThat(OcdsSchema.codelist("documentType.csv")).contains("awardNotice").doesNotContain("basic", "award");
    }

    @Test
    void citesEachFileByItsSha256() {
        JsonNode tender = last(pack).get("tender");

        assertThat(tender.at("/documents/0/description").asText()).isEqualTo("SHA-256: " + TenderLog.sha(9));
        assertThat(tender.at("/documents/1/description").asText()).isEqualTo("SHA-256: " + TenderLog.sha(5));
    }

    @Test
    void needsTheTendersPublication() {
        assertThatThrownBy(() -> TenderReleasePackage.of(SETTINGS, TenderLog.wholeTender().entries(), "t-2099-001"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> messages(JsonNode releasePackage) {
        Set<ValidationMessage> messages = OcdsSchema.validate(releasePackage);
        return messages.stream().map(ValidationMessage::toString).toList();
    }

    private static List<JsonNode> releases(JsonNode releasePackage) {
        List<JsonNode> releases = new ArrayList<>();
        releasePackage.get("releases").forEach(releases::add);
        return releases;
    }

    private static JsonNode last(JsonNode releasePackage) {
        return releasePackage.get("releases").get(releasePackage.get("releases").size() - 1);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> {
            if (node.isTextual()) {
                texts.add(node.asText());
            }
        });
        return texts;
    }

    private static List<String> values(List<JsonNode> releases, String pointer) {
        return releases.stream().map(r -> r.at(pointer)).filter(n -> !n.isMissingNode()).map(JsonNode::asText).toList();
    }
}
