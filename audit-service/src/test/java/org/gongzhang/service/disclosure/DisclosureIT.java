package org.gongzhang.service.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhang.service.support.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.stream.StreamSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gongzhang.service.support.Cli;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.LedgerClient.Answer;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.verifier.statement.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The posting flow end to end through the API: draft → sign-off → publish, an owner's objection
 * answered and reviewed, a correction published as version 2 with version 1 kept, the bundle
 * verified offline, the printed version, and the refusals on the way.
 */
class DisclosureIT extends ServiceIT {

    private static final String BOOK = "guiyuan-public";

    @TempDir
    Path dir;

    @Test
    void aStatementIsDraftedSignedPublishedObjectedToAndCorrected() throws Exception {
        String[] quarter = earlierQuarter();
        LedgerClient preparer = client.as("li-na");
        LedgerClient auditor = client.as("zhao-min");

        Answer drafted = preparer.post(statements(), body(quarter[0], quarter[1], null, null), "en");
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        JsonNode v1 = drafted.json();
        String id = v1.get("statementId").asText();
        assertThat(v1.get("status").asText()).isEqualTo("DRAFTED");
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        String content = client.get(statements() + "/" + id + "/statement.json").body();
        assertThat(Statement.contentHash(content)).isEqualTo(v1.get("contentSha256").asText());
        assertThat(v1.get("treeSize").asLong()).isEqualTo(v1.get("draftedIndex").asLong());
        long afterDraft = size();
        Answer again = preparer.post(statements(), body(quarter[0], quarter[1], null, null), "en");
        assertThat(again.json().get("statementId").asText()).as("a second click drafts nothing new").isEqualTo(id);
        assertThat(size()).isEqualTo(afterDraft);

        assertProblem(auditor.post(statements() + "/" + id + "/publish", "{}", "en"), 409, "statement.publish.unsigned",
                "entry.payload.statementId");
        assertProblem(preparer.post(statements() + "/" + id + "/sign", "", "en"), 403, "access.role", "");
        JsonNode signed = auditor.post(statements() + "/" + id + "/sign", "", "en").json();
        assertThat(signed.get("status").asText()).isEqualTo("SIGNED");
        assertThat(signed.get("signedBy").asText()).isEqualTo("community:zhao-min");
        long checkpointAfterSignOff = client.get("/api/books/" + BOOK + "/checkpoints").json().get(
                client.get("/api/books/" + BOOK + "/checkpoints").json().size() - 1).get("size").asLong();
        assertThat(checkpointAfterSignOff).isGreaterThan(signed.get("signedIndex").asLong());

        JsonNode published = auditor.post(statements() + "/" + id + "/publish", "{}", "en").json();
        assertThat(published.get("status").asText()).isEqualTo("PUBLISHED");
        LocalDate from = LocalDate.parse(published.get("postingFrom").asText());
        assertThat(LocalDate.parse(published.get("postingUntil").asText())).isEqualTo(from.plusDays(15));

        // an owner objects; the public sees status and answer, never who or what
        LedgerClient owner = client.as("guiyuan-owner");
        Answer raised = owner.post(statements() + "/" + id + "/objections", "{\"text\":\"广告收入为何少了一笔？\"}", "en");
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        String oid = raised.json().get("objectionId").asText();
        assertThat(raised.json().get("status").asText()).isEqualTo("SUBMITTED");
        JsonNode entry = client.get("/api/books/" + BOOK + "/entries/" + raised.json().get("raisedIndex").asLong())
                .json().get("entry");
        assertThat(entry.toString()).doesNotContain("广告收入为何", "guiyuan-owner");
        assertThat(client.get(statements() + "/" + id + "/objections").body()).doesNotContain("广告收入为何");
        assertThat(owner.get("/api/books/" + BOOK + "/objections/" + oid + "/private").json().get("text").asText())
                .isEqualTo("广告收入为何少了一笔？");
        assertProblem(client.as("lanyuan-owner").get("/api/books/" + BOOK + "/objections/" + oid + "/private"), 403,
                "access.role", "");
        JsonNode privatePart = client.as("guiyuan-chair").get("/api/books/" + BOOK + "/objections/" + oid + "/private").json();
        assertThat(Objections.commitment(privatePart.get("textSalt").asText(), privatePart.get("text").asText()))
                .isEqualTo(entry.get("payload").get("text").asText());

        LedgerClient chair = client.as("guiyuan-chair");
        assertThat(chair.post("/api/books/" + BOOK + "/objections/" + oid + "/accept", "", "en").json().get("status").asText())
                .isEqualTo("ACCEPTED");
        assertThat(chair.post("/api/books/" + BOOK + "/objections/" + oid + "/answer",
                "{\"answer\":\"该笔广告费次月到账，已在下季度入账。\"}", "en").json().get("status").asText()).isEqualTo("ANSWERED");
        assertProblem(chair.post("/api/books/" + BOOK + "/objections/" + oid + "/review",
                "{\"outcome\":\"DISMISSED\",\"note\":\"x\"}", "en"), 403, "access.role", "");
        assertThat(auditor.post("/api/books/" + BOOK + "/objections/" + oid + "/review",
                "{\"outcome\":\"DISMISSED\",\"note\":\"答复属实\"}", "en").json().get("status").asText()).isEqualTo("REVIEWED");

        // a correction: version 2 cites version 1; once published, version 1 is superseded and both stay
        assertProblem(preparer.post(statements(), body(quarter[0], quarter[1], id, null), "en"), 422,
                "statement.corrects.reason.blank", "entry.payload.reason");
        JsonNode v2 = preparer.post(statements(), body(quarter[0], quarter[1], id, "补记广告收入说明"), "en").json();
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        String id2 = v2.get("statementId").asText();
        auditor.post(statements() + "/" + id2 + "/sign", "", "en");
        auditor.post(statements() + "/" + id2 + "/publish", "{\"postingDays\":20}", "en");
        JsonNode list = client.get(statements()).json();
        JsonNode old = find(list, id);
        assertThat(old.get("supersededBy").asText()).isEqualTo(id2);
        assertThat(find(list, id2).get("status").asText()).isEqualTo("PUBLISHED");

        // anyone verifies version 2 offline from its bundle
        Path bundle = dir.resolve("v2.zip");
        Files.write(bundle, client.getBytes(statements() + "/" + id2 + "/bundle"));
        Path logKey = dir.resolve("log.key");
        Files.writeString(logKey, client.get("/api/log-key").body());
        Cli verify = Cli.run("verify", bundle.toString(), "--log-key", logKey.toString());
        assertThat(verify.exit()).as(verify.out()).isZero();
        assertThat(verify.out()).contains(id2, "community:zhao-min");

        // the printed version carries its version, checkpoint and signatories
        try (PDDocument pdf = Loader.loadPDF(client.getBytes(statements() + "/" + id2 + ".pdf"))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("赵敏", v2.get("root").asText().substring(0, 16));
        }
    }

    @Test
    void refusalsChangeNothing() {
        long size = size();
        LedgerClient preparer = client.as("li-na");
        String thisMonth = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        assertProblem(preparer.post(statements(), body(thisMonth, thisMonth, null, null), "en"), 409,
                "statement.period.not-closed", "entry.payload.to");
        assertProblem(preparer.post(statements(), body("2026-13", "2026-13", null, null), "zh-CN"), 422,
                "statement.period.invalid", "from");
        JsonNode misspelt = assertProblem(preparer.post(statements(),
                "{\"from\":\"2026-01\",\"to\":\"2026-03\",\"treshold\":\"100.00\"}", "en"), 422,
                "request.field.unknown", "treshold");
        assertThat(misspelt.get("detail").asText()).contains("treshold", "threshold");
        assertProblem(client.as("lanyuan-chair").post(statements(), body("2026-01", "2026-01", null, null), "en"), 403,
                "access.role", "");
        assertProblem(client.post(statements(), body("2026-01", "2026-01", null, null), "en"), 401, "auth.required", "");
        assertProblem(client.as("zhao-min").post(statements() + "/no-such/sign", "", "en"), 404, "statement.not-found",
                "statementId");
        assertThat(size()).isEqualTo(size);
    }

    @Test
    void theCalendarShowsThePublishedQuarterAndTheOverdueOnes() {
        JsonNode calendar = client.get("/api/books/lanyuan-public/disclosure-calendar").json();
        assertThat(calendar.get("cadence").asText()).isEqualTo("QUARTER");
        assertThat(calendar.get("slots").toString()).contains("PUBLISHED");
        JsonNode overdue = client.as("sun-hao").get("/api/disclosure/overdue").json();
        assertThat(overdue.isArray()).isTrue();
        assertProblem(client.as("lanyuan-owner").get("/api/disclosure/overdue"), 403, "access.role", "");
        assertProblem(client.as("zhao-min").put("/api/books/lanyuan-public/disclosure-calendar",
                "{\"cadence\":\"MONTHLY\"}", "en"), 422, "disclosure.cadence.invalid", "cadence");
    }

    private String[] earlierQuarter() {
        // the demo published the last closed quarter; the one before it is closed too
        JsonNode published = client.get(statements()).json().get(0);
        YearMonth end = YearMonth.parse(published.get("from").asText()).minusMonths(1);
        return new String[] {end.minusMonths(2).toString(), end.toString()};
    }

    private static JsonNode find(JsonNode list, String id) {
        return StreamSupport.stream(list.spliterator(), false).filter(v -> v.get("statementId").asText().equals(id))
                .findFirst().orElseThrow();
    }

    private static String body(String from, String to, String corrects, String reason) {
        return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\""
                + (corrects == null ? "" : ",\"corrects\":\"" + corrects + "\"")
                + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}";
    }

    private static String statements() {
        return "/api/books/" + BOOK + "/statements";
    }

    private long size() {
        return client.get("/api/books/" + BOOK + "/head").json().get("size").asLong();
    }
}
