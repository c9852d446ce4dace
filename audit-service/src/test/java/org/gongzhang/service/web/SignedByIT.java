package org.gongzhang.service.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gongzhang.service.support.ClientKeys;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.NewStaff;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.verifier.entry.Role;
import org.gongzhang.verifier.entry.SignedEntry;
import org.junit.jupiter.api.Test;

/**
 * 代签 shown wherever a step is named: the public request and tender pages mark each step and payment
 * 服务代签 or 本人签名, the published statement page and its PDF say how many of the period's
 * entries the service signed, the voucher PDF marks 制单 / 审核 / 记账. The demo's people sign
 * through the service; people made for the test (NewStaff) sign with their own keys.
 */
class SignedByIT extends ServiceIT {

    private static final String BOOK = "lanyuan-public";
    private static final Pattern CUSTODY = Pattern.compile("本期 (\\d+) 条记录中 (\\d+) 条为服务代签");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theRequestPageMarksTheDemosStepsAsSignedByTheServiceAndAnOwnKeyStepAsThePersons() throws Exception {
        String demo = page("/public/books/" + BOOK + "/requests/" + requestId("更换3号楼单元门禁及读卡器"));
        assertThat(demo).contains("服务代签").doesNotContain("本人签名");
        assertThat(page("/public/books/" + BOOK + "/tenders/t-lanyuan-waiqiang")).contains("服务代签").doesNotContain("本人签名");
        assertThat(page("/public/books/" + BOOK + "/tenders/t-lanyuan-waiqiang", "en"))
                .contains("signed by the service for them (custodial)");

        String username = NewStaff.create(client, "COMMITTEE_MEMBER", "COMPOUND", "lanyuan", "测试委员");
        ClientKeys own = enrol(username, "committee:" + username, Role.COMMITTEE_MEMBER, "COMMITTEE_MEMBER");
        JsonNode entry = signAndSubmit(client.as(username), own, "/api/books/" + BOOK + "/requests", """
                {"amount":"300.00","purpose":"本人签名的申请","account":"510102",
                 "payee":{"type":"COMPANY","name":"杭州安居维修有限公司"},"quotes":[]}""");
        String id = entry.at("/payload/requestId").asText();

        String own_ = page("/public/books/" + BOOK + "/requests/" + id);
        assertThat(own_).contains("本人签名的申请", "测试委员", "本人签名").doesNotContain("服务代签");
        assertThat(page("/public/books/" + BOOK + "/requests/" + id, "en")).contains("signed with their own key");
    }

    @Test
    void thePublishedStatementPageAndItsPdfSayHowManyOfThePeriodsEntriesTheServiceSigned() throws Exception {
        String statementId = publishedStatementId();

        Matcher page = CUSTODY.matcher(page("/public/books/" + BOOK + "/statements/" + statementId));
        assertThat(page.find()).as("the custody line on the statement page").isTrue();
        long entries = Long.parseLong(page.group(1));
        assertThat(entries).isPositive();
        assertThat(Long.parseLong(page.group(2))).as("the demo signs through the service").isEqualTo(entries);
        String pdf = pdfText("/api/books/" + BOOK + "/statements/" + statementId + ".pdf");
        assertThat(pdf).contains("本期 " + entries + " 条记录中 " + entries + " 条为服务代签");
    }

    @Test
    void theVoucherPdfMarksEachSignatureAsThePersonsOwnKeyOrTheServices() throws Exception {
        String username = NewStaff.create(client, "AGENT_PREPARER", "FIRM", "hengxin", "测试制单员");
        ClientKeys own = enrol(username, "agent:" + username, Role.AGENT_PREPARER, "AGENT_PREPARER");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        JsonNode entry = signAndSubmit(client.as(username), own, "/api/books/" + BOOK + "/vouchers", """
                {"word":"收","date":"%s","lines":[
                 {"summary":"收临时停车费","account":"100201","debit":"9.00"},
                 {"summary":"收临时停车费","account":"470101","credit":"9.00"}]}""".formatted(today));
        String voucherId = entry.at("/payload/voucherId").asText();
        LedgerClient.Answer reviewed = client.as("wang-qiang")
                .post("/api/books/" + BOOK + "/vouchers/" + voucherId + "/review", "", "en");
        assertThat(reviewed.status()).as(reviewed.body()).isLessThan(300);

        String pdf = awaitPdfText("/api/books/" + BOOK + "/reports/vouchers/" + voucherId + ".pdf", "审核：王强");

        assertThat(pdf).contains("制单：测试制单员（本人签名）", "审核：王强（服务代签）", "记账：—");
    }

    /** Declares a key for {@code username} and has the community auditor enrol it in the book. */
    private ClientKeys enrol(String username, String actor, Role role, String accessRole) {
        ClientKeys own = ClientKeys.generate(actor, role);
        String publicKey = Base64.getEncoder().encodeToString(own.pair().getPublic().getEncoded());
        assertThat(client.as(username).post("/api/me/keys", "{\"publicKey\":\"" + publicKey + "\",\"label\":\"test\"}", "en")
                .status()).isEqualTo(201);
        LedgerClient.Answer enrolled = client.as("zhao-min").post("/api/books/" + BOOK + "/members",
                "{\"username\":\"" + username + "\",\"role\":\"" + accessRole + "\",\"keyId\":\"" + own.keyId() + "\"}", "en");
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        return own;
    }

    /** Asks the service to build the entry for {@code own}'s key, signs it and submits it; answers the entry. */
    private JsonNode signAndSubmit(LedgerClient person, ClientKeys own, String path, String body) {
        LedgerClient.Answer toSign = person.postBytes(path, body.getBytes(StandardCharsets.UTF_8), "application/json",
                "en", "Ledger-Key", own.keyId());
        assertThat(toSign.status()).as(toSign.body()).isEqualTo(202);
        JsonNode entry = toSign.json().get("entry");
        byte[] signature = own.suite().sign(own.pair().getPrivate(),
                toSign.json().get("canonical").asText().getBytes(StandardCharsets.UTF_8));
        LedgerClient.Answer stored = client.submit(SignedEntry.of(entry, signature));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        return entry;
    }

    private String requestId(String purpose) {
        for (JsonNode request : client.get("/api/books/" + BOOK + "/requests").json()) {
            if (purpose.equals(request.get("purpose").asText())) {
                return request.get("requestId").asText();
            }
        }
        throw new AssertionError("the demo raises " + purpose);
    }

    private String publishedStatementId() {
        for (JsonNode v : client.get("/api/books/" + BOOK + "/statements").json()) {
            if ("PUBLISHED".equals(v.get("status").asText()) && v.get("supersededBy").isNull()) {
                return v.get("statementId").asText();
            }
        }
        throw new AssertionError("the demo publishes a statement");
    }

    private String page(String path) throws IOException, InterruptedException {
        return page(path, "zh-CN");
    }

    private String page(String path, String language) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").header("Accept-Language", language).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return answer.body();
    }

    /** The PDF's text once the read model has caught up far enough for it to hold {@code expected}. */
    private String awaitPdfText(String path, String expected) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<byte[]> answer = pdf(path);
            String text = answer.statusCode() == 200 ? text(answer.body()) : "";
            if (text.contains(expected) || attempt == 100) {
                assertThat(answer.statusCode()).as(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(200);
                return text;
            }
            Thread.sleep(200);
        }
    }

    private String pdfText(String path) throws Exception {
        HttpResponse<byte[]> answer = pdf(path);
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return text(answer.body());
    }

    private HttpResponse<byte[]> pdf(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/pdf").header("Accept-Language", "zh-CN").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        }
    }
}
