package org.gongzhang.service.voucher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhang.service.support.Problems.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import org.gongzhang.reporting.format.ChineseAmount;
import org.gongzhang.service.support.ClientKeys;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.NewStaff;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.entry.Role;
import org.gongzhang.verifier.entry.SignedEntry;
import org.junit.jupiter.api.Test;

/**
 * Vouchers through the API as the acting person: recorded by the preparer, reviewed and posted by
 * another person, signed for them where the deployment allows it, or handed back to sign with their
 * own key; every refusal names its field and changes nothing.
 */
class VoucherApiIT extends ServiceIT {

    private static final String BOOK = "/api/books/lanyuan-public";

    private static String voucher(String debit, String credit) {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        return """
                {"word":"收","date":"%s","lines":[
                 {"summary":"收临时停车费","account":"100201","debit":%s},
                 {"summary":"收临时停车费","account":"470101","credit":%s}]}""".formatted(today, debit, credit);
    }

    @Test
    void aVoucherIsRecordedReviewedAndPostedByTwoPeopleAndSaysTheServiceSignedForThem() {
        LedgerClient preparer = client.as("li-na");
        LedgerClient reviewer = client.as("wang-qiang");
        JsonNode recorded = preparer.post(BOOK + "/vouchers", voucher("\"88.00\"", "\"88.00\""), "zh-CN").json();
        String id = recorded.get("voucherId").asText();
        long index = recorded.at("/receipt/index").asLong();
        JsonNode entry = client.get(BOOK + "/entries/" + index).json().get("entry");
        assertThat(entry.get("kind").asText()).isEqualTo("voucher.recorded");
        assertThat(entry.get("actor").asText()).isEqualTo("agent:li-na");
        assertThat(entry.get("custodial").asBoolean()).isTrue();

        assertProblem(preparer.post(BOOK + "/vouchers/" + id + "/review", "", "en"), 403, "access.role", "");
        assertThat(reviewer.post(BOOK + "/vouchers/" + id + "/review", "", "en").status()).isEqualTo(201);
        assertThat(reviewer.post(BOOK + "/vouchers/" + id + "/post", "", "en").status()).isEqualTo(201);
        JsonNode posted = client.get(BOOK + "/entries/" + (index + 2)).json().get("entry");
        assertThat(posted.get("kind").asText()).isEqualTo("voucher.posted");
        assertThat(posted.at("/payload/voucherId").asText()).isEqualTo(id);
    }

    @Test
    void refusalsNameTheFieldInTheCallersLanguageAndWriteNothing() {
        LedgerClient preparer = client.as("li-na");
        long before = size();
        JsonNode unbalanced = assertProblem(preparer.post(BOOK + "/vouchers", voucher("\"88.00\"", "\"80.00\""), "zh-CN"),
                422, "voucher.unbalanced", "entry.payload.lines");
        assertThat(unbalanced.get("detail").asText()).containsPattern("[\\u4e00-\\u9fff]");
        assertProblem(preparer.post(BOOK + "/vouchers", voucher("88", "88"), "en"), 422, "request.field.not-text",
                "lines[0].debit");
        assertProblem(preparer.post(BOOK + "/vouchers", voucher("1e309", "1e309"), "en"), 422,
                "request.number.not-integer", "lines[0].debit");
        assertProblem(preparer.post(BOOK + "/vouchers", "[1,2]", "en"), 422, "request.body.invalid", "");
        assertProblem(preparer.post(BOOK + "/vouchers", "{\"word\":\"收\",\"date\":\"yesterday\",\"lines\":[]}", "en"),
                422, "voucher.date.invalid", "date");
        assertProblem(client.as("wang-qiang").post(BOOK + "/vouchers", voucher("\"1.00\"", "\"1.00\""), "en"), 403,
                "access.role", "");
        assertProblem(client.post(BOOK + "/vouchers", voucher("\"1.00\"", "\"1.00\""), "en"), 401, "auth.required", "");
        assertProblem(preparer.post("/api/books/no-such-book/vouchers", voucher("\"1.00\"", "\"1.00\""), "en"), 404,
                "book.not-found", "book");
        assertThat(size()).isEqualTo(before);
    }

    @Test
    void aCallerWhoNamesTheirOwnKeyGetsTheEntryToSignAndNothingIsStoredUntilTheyDo() {
        LedgerClient preparer = client.as("li-na");
        long before = size();
        LedgerClient.Answer unknownKey = preparer.postBytes(BOOK + "/vouchers",
                voucher("\"5.00\"", "\"5.00\"").getBytes(StandardCharsets.UTF_8), "application/json", "en",
                "Ledger-Key", "0123456789abcdef0123456789abcdef");
        assertProblem(unknownKey, 403, "signing.key.not-enrolled", "");
        assertThat(size()).isEqualTo(before);
    }

    @Test
    void aPersonWithTheirOwnKeySignsWhatTheServiceBuiltAndIsNoLongerSignedFor() throws Exception {
        String username = NewStaff.create(client, "AGENT_PREPARER", "FIRM", "hengxin", "测试制单员");
        LedgerClient preparer = client.as(username);
        LedgerClient auditor = client.as("zhao-min");
        ClientKeys own = ClientKeys.generate("agent:" + username, Role.AGENT_PREPARER);
        String publicKey = Base64.getEncoder().encodeToString(own.pair().getPublic().getEncoded());
        assertThat(preparer.post("/api/me/keys", "{\"publicKey\":\"" + publicKey + "\",\"label\":\"key file\"}", "en")
                .status()).isEqualTo(201);
        assertProblem(preparer.post("/api/me/keys", "{\"publicKey\":\"" + publicKey + "\",\"label\":\"again\"}", "en"),
                409, "key.personal.taken", "publicKey");
        assertProblem(preparer.post("/api/me/keys", "{\"publicKey\":\"bm90IGEga2V5\",\"label\":\"x\"}", "en"),
                422, "key.public.invalid", "publicKey");
        assertThat(auditor.post(BOOK + "/members", "{\"username\":\"" + username + "\",\"role\":\"AGENT_PREPARER\",\"keyId\":\""
                + own.keyId() + "\"}", "en").status()).isEqualTo(201);

        long before = size();
        LedgerClient.Answer toSign = preparer.postBytes(BOOK + "/vouchers",
                voucher("\"6.00\"", "\"6.00\"").getBytes(StandardCharsets.UTF_8), "application/json", "en",
                "Ledger-Key", own.keyId());
        assertThat(toSign.status()).isEqualTo(202);
        assertThat(size()).as("nothing stored before the signature").isEqualTo(before);
        JsonNode entry = toSign.json().get("entry");
        assertThat(entry.get("keyId").asText()).isEqualTo(own.keyId());
        assertThat(entry.get("custodial").asBoolean()).isFalse();
        assertThat(toSign.json().get("canonical").asText()).isEqualTo(CanonicalJson.canonicalize(entry));
        byte[] signature = own.suite().sign(own.pair().getPrivate(),
                toSign.json().get("canonical").asText().getBytes(StandardCharsets.UTF_8));
        LedgerClient.Answer stored = client.submit(SignedEntry.of(entry, signature));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(size()).isEqualTo(before + 1);

        assertProblem(preparer.post(BOOK + "/vouchers", voucher("\"7.00\"", "\"7.00\""), "en"), 403,
                "signing.own-key.required", "");
        assertThat(size()).isEqualTo(before + 1);
    }

    @Test
    void anEntryBuiltForItsActorsOwnKeyHoldsTheBookUntilSignedAndTheServiceWaitsForIt() throws Exception {
        String username = NewStaff.create(client, "AGENT_PREPARER", "FIRM", "hengxin", "租约制单员");
        LedgerClient own = client.as(username);
        ClientKeys keys = ClientKeys.generate("agent:" + username, Role.AGENT_PREPARER);
        String publicKey = Base64.getEncoder().encodeToString(keys.pair().getPublic().getEncoded());
        assertThat(own.post("/api/me/keys", "{\"publicKey\":\"" + publicKey + "\",\"label\":\"key file\"}", "en")
                .status()).isEqualTo(201);
        assertThat(client.as("zhao-min").post(BOOK + "/members", "{\"username\":\"" + username
                + "\",\"role\":\"AGENT_PREPARER\",\"keyId\":\"" + keys.keyId() + "\"}", "en").status()).isEqualTo(201);

        LedgerClient.Answer toSign = own.postBytes(BOOK + "/vouchers",
                voucher("\"9.00\"", "\"9.00\"").getBytes(StandardCharsets.UTF_8), "application/json", "en",
                "Ledger-Key", keys.keyId());
        assertThat(toSign.status()).isEqualTo(202);
        String lease = toSign.json().get("lease").asText();
        assertThat(java.time.Instant.parse(toSign.json().get("leaseExpiresAt").asText()))
                .isAfter(java.time.Instant.now());
        long index = toSign.json().at("/entry/index").asLong();

        // a voucher the service signs for li-na meanwhile waits for the entry built above
        java.util.concurrent.CompletableFuture<LedgerClient.Answer> custodial = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> client.as("li-na").post(BOOK + "/vouchers", voucher("\"10.00\"", "\"10.00\""), "en"));
        Thread.sleep(500);
        assertThat(custodial).isNotDone();
        assertThat(size()).isEqualTo(index);

        byte[] signature = keys.suite().sign(keys.pair().getPrivate(),
                toSign.json().get("canonical").asText().getBytes(StandardCharsets.UTF_8));
        LedgerClient.Answer stored = client.submit(SignedEntry.of(toSign.json().get("entry"), signature), lease, "en");
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(stored.json().get("index").asLong()).isEqualTo(index);
        LedgerClient.Answer after = custodial.get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(after.status()).as(after.body()).isEqualTo(201);
        assertThat(after.json().at("/receipt/index").asLong()).isEqualTo(index + 1);
    }

    @Test
    void theTotalInWordsIsTheVouchersOwn() {
        assertThat(client.get("/api/amount-words?fen=120050").json().get("words").asText())
                .isEqualTo(ChineseAmount.of(120050)).isEqualTo("壹仟贰佰元零伍角");
        assertProblem(client.get("/api/amount-words?fen=999999999999999999"), 422, "request.parameter.invalid", "fen");
    }

    private long size() {
        return client.get(BOOK + "/head").json().get("size").asLong();
    }
}
