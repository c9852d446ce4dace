package org.gongzhang.service.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhang.service.support.TestBook.idOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gongzhang.service.support.ClientKeys;
import org.gongzhang.service.support.LedgerClient.Answer;
import org.gongzhang.service.support.Problems;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.entry.Role;
import org.gongzhang.verifier.entry.SignedEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every refusal of the HTTP API is a 4xx problem+json naming the code and the field at fault, in
 * the caller's language, and stores nothing: the book's head is the same before and after.
 */
class RefusalsIT extends ServiceIT {

    private TestBook book;

    @BeforeEach
    void openBook() {
        book = TestBook.open(client);
    }

    @Test
    void unbalancedVoucherIsRefusedInChineseByDefault() {
        ObjectNode voucher = book.parkingVoucher("100.00");
        line(voucher, 1).put("credit", "99.99");
        JsonNode problem = refused(book.entry(book.preparer, "voucher.recorded", voucher), 422,
                "voucher.unbalanced", "entry.payload.lines");
        assertThat(problem.get("detail").asText()).contains("借贷不平衡").contains("100.00").contains("99.99");
        assertThat(problem.get("type").asText()).isEqualTo("https://gongzhang.org/problems/voucher.unbalanced");
    }

    @Test
    void unbalancedVoucherIsRefusedInEnglishWhenAsked() {
        ObjectNode voucher = book.parkingVoucher("100.00");
        line(voucher, 1).put("credit", "99.99");
        long before = book.size();
        Answer answer = client.submit(book.entry(book.preparer, "voucher.recorded", voucher), "en");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asText()).contains("Debits and credits do not balance");
        assertThat(book.size()).isEqualTo(before);
    }

    @Test
    void lineWithBothSidesIsRefused() {
        ObjectNode voucher = book.parkingVoucher("100.00");
        line(voucher, 0).put("credit", "100.00");
        refused(book.entry(book.preparer, "voucher.recorded", voucher), 422, "voucher.line.both-sides",
                "entry.payload.lines[0]");
    }

    @Test
    void lineWithNeitherSideIsRefused() {
        ObjectNode voucher = book.parkingVoucher("100.00");
        line(voucher, 0).remove("debit");
        refused(book.entry(book.preparer, "voucher.recorded", voucher), 422, "voucher.line.no-side",
                "entry.payload.lines[0]");
    }

    @ParameterizedTest(name = "account {0} is refused with {1}")
    @CsvSource({"1002, voucher.line.account.not-leaf", "9999, voucher.line.account.unknown",
            "4701, voucher.line.account.not-leaf"})
    void lineToAnAccountThatIsNotAnEnabledLeafIsRefused(String account, String code) {
        ObjectNode voucher = book.parkingVoucher("100.00");
        line(voucher, 1).put("account", account);
        refused(book.entry(book.preparer, "voucher.recorded", voucher), 422, code, "entry.payload.lines[1].account");
    }

    @Test
    void lineToADisabledAccountIsRefused() {
        ObjectNode disable = CanonicalJson.mapper().createObjectNode().put("code", "470199").put("reason", "不再使用");
        book.accept(book.entry(book.preparer, "account.disabled", disable));
        ObjectNode voucher = book.parkingVoucher("100.00");
        line(voucher, 1).put("account", "470199");
        refused(book.entry(book.preparer, "voucher.recorded", voucher), 422, "voucher.line.account.disabled",
                "entry.payload.lines[1].account");
    }

    @ParameterizedTest(name = "amount {0} is refused with {1}")
    @CsvSource({"0.00, amount.not-positive", "0, amount.not-positive", "12.345, amount.too-many-decimals",
            "1000000000000.00, amount.too-large", "-5.00, amount.not-positive", "1e3, amount.malformed"})
    void amountOutsideTheRulesIsRefused(String amount, String code) {
        ObjectNode voucher = book.parkingVoucher("100.00");
        line(voucher, 0).put("debit", amount);
        line(voucher, 1).put("credit", amount);
        refused(book.entry(book.preparer, "voucher.recorded", voucher), 422, code, "entry.payload.lines[0].debit");
    }

    @Test
    void largestAllowedAmountIsAccepted() {
        book.postVoucher(book.parkingVoucher("999999999999.99"));
    }

    @Test
    void voucherDatedBeforeTheBookStartsIsRefused() {
        ObjectNode voucher = book.voucherHeader("收", book.start.minusMonths(1).atDay(10));
        voucher.set("lines", book.parkingVoucher("10.00").get("lines"));
        refused(book.entry(book.preparer, "voucher.recorded", voucher), 422, "voucher.period.before-start",
                "entry.payload.date");
    }

    @Test
    void voucherDatedInAClosedPeriodIsRefused() {
        ObjectNode close = CanonicalJson.mapper().createObjectNode().put("period", book.start.toString());
        book.accept(book.client.next(book.reviewer, book.id, "period.closed", book.start.atEndOfMonth(), close));
        ObjectNode voucher = book.voucherHeader("收", book.start.atDay(15));
        voucher.set("lines", book.parkingVoucher("10.00").get("lines"));
        refused(book.entry(book.preparer, "voucher.recorded", voucher), 409, "voucher.period.closed",
                "entry.payload.date");
    }

    @Test
    void preparerCannotReviewHerOwnVoucherEvenWithAReviewerKey() {
        ObjectNode voucher = book.parkingVoucher("10.00");
        book.accept(book.entry(book.preparer, "voucher.recorded", voucher));
        refused(book.entry(book.preparerAsReviewer, "voucher.reviewed", idOf(voucher)), 403,
                "voucher.review.by-preparer", "entry.actor");
    }

    @Test
    void unreviewedVoucherCannotBePosted() {
        ObjectNode voucher = book.parkingVoucher("10.00");
        book.accept(book.entry(book.preparer, "voucher.recorded", voucher));
        refused(book.entry(book.reviewer, "voucher.posted", idOf(voucher)), 409, "voucher.post.unreviewed",
                "entry.payload.voucherId");
    }

    @Test
    void postedVoucherCannotBeVoidedReviewedOrPostedAgain() {
        ObjectNode voucher = book.postVoucher(book.parkingVoucher("10.00"));
        refused(book.entry(book.preparer, "voucher.voided", idOf(voucher).put("reason", "改错")), 409,
                "voucher.posted.immutable", "entry.payload.voucherId");
        refused(book.entry(book.reviewer, "voucher.reviewed", idOf(voucher)), 409, "voucher.posted.immutable",
                "entry.payload.voucherId");
        refused(book.entry(book.reviewer, "voucher.posted", idOf(voucher)), 409, "voucher.posted.immutable",
                "entry.payload.voucherId");
    }

    @Test
    void noEndpointChangesOrDeletesAnEntry() {
        book.postVoucher(book.parkingVoucher("10.00"));
        long before = book.size();
        String lastEntry = client.get("/api/books/" + book.id + "/entries/" + (before - 1)).body();
        assertThat(client.delete("/api/books/" + book.id + "/entries/" + (before - 1)).status()).isEqualTo(405);
        assertThat(client.get("/api/books/" + book.id + "/entries/" + (before - 1)).body()).isEqualTo(lastEntry);
        assertThat(book.size()).isEqualTo(before);
    }

    @Test
    void replayedSubmissionAnswersTheFirstResultAndStoresNothing() {
        SignedEntry entry = book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("10.00"));
        Answer first = client.submit(entry);
        Answer again = client.submit(entry);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(book.size()).isEqualTo(first.json().get("index").asLong() + 1);
    }

    @Test
    void submissionIdReusedForOtherContentIsRefused() {
        SignedEntry first = book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("10.00"));
        book.accept(first);
        String submission = first.header().submission();
        SignedEntry other = book.client.next(book.preparer, book.id, "voucher.recorded", book.today,
                book.parkingVoucher("20.00"), e -> e.put("submission", submission));
        refused(other, 409, "entry.submission.reused", "entry.submission");
    }

    @Test
    void malformedJsonIsRefused() {
        JsonNode problem = refused("{\"entry\": {\"format\": 1, x}", "en", 422, "entry.json.malformed", "");
        assertThat(problem.get("detail").asText())
                .isEqualTo("The entry is not JSON that can be canonicalized: not valid JSON at line 1, column 25."); // the x
    }

    /** The parser's reason in the caller's language, not the parser's English. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "zh-CN | 条目不是可规范化的 JSON：键“book”在同一对象中出现了不止一次。",
        "en    | The entry is not JSON that can be canonicalized: the key \"book\" appears more than once in one object."})
    void duplicateKeysAreRefusedAsAmbiguous(String language, String detail) {
        String leaf = book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("10.00")).leaf();
        String twice = leaf.replaceFirst("\\{\"entry\":\\{", "{\"entry\":{\"book\":\"other\",");
        JsonNode problem = refused(twice, language, 422, "entry.json.malformed", "");
        assertThat(problem.get("detail").asText()).isEqualTo(detail);
    }

    @Test
    void unsignedEntryIsRefused() {
        SignedEntry entry = book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("10.00"));
        long before = book.size();
        Answer answer = client.post("/api/books/" + book.id + "/entries", "{\"entry\":" + entry.entry() + "}", "en");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("code").asText()).isEqualTo("entry.malformed");
        assertThat(answer.json().get("field").asText()).isEqualTo("signature");
        assertThat(book.size()).isEqualTo(before);
    }

    /** The envelope's reason is named by its field, in the caller's language only (no English reason in zh-CN). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "zh-CN | 条目字段 entry.format 缺失或格式不正确。",
        "en    | Field entry.format of the entry is missing or malformed."})
    void aMalformedEnvelopeIsRefusedInTheCallersLanguageOnly(String language, String detail) {
        JsonNode problem = refused("{\"entry\":{},\"signature\":\"x\"}", language, 422, "entry.malformed", "entry.format");
        assertThat(problem.get("detail").asText()).isEqualTo(detail);
    }

    @Test
    void signatureOverDifferentBytesIsRefused() {
        SignedEntry signed = book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("10.00"));
        SignedEntry altered = new SignedEntry(signed.entry().replace("\"10.00\"", "\"90.00\""), signed.signature());
        refused(altered, 403, "entry.signature.invalid", "signature");
    }

    @Test
    void keyTheBookNeverRegisteredIsRefused() {
        ClientKeys stranger = ClientKeys.generate(book.preparer.actor(), Role.AGENT_PREPARER);
        refused(book.entry(stranger, "voucher.recorded", book.parkingVoucher("10.00")), 403, "entry.key.unknown",
                "entry.keyId");
    }

    @Test
    void revokedKeyIsRefused() {
        ClientKeys temp = ClientKeys.generate("agent:temp-" + book.id, Role.AGENT_PREPARER);
        book.accept(book.entry(book.auditor, "key.registered", temp.registration()));
        book.accept(book.entry(temp, "voucher.recorded", book.parkingVoucher("10.00")));
        ObjectNode revoke = CanonicalJson.mapper().createObjectNode().put("keyId", temp.keyId()).put("reason", "离职");
        book.accept(book.entry(book.auditor, "key.revoked", revoke));
        refused(book.entry(temp, "voucher.recorded", book.parkingVoucher("10.00")), 403, "entry.key.revoked",
                "entry.keyId");
    }

    @Test
    void keyUsedOutsideItsRoleIsRefused() {
        ObjectNode voucher = book.parkingVoucher("10.00");
        book.accept(book.entry(book.preparer, "voucher.recorded", voucher));
        refused(book.entry(book.preparer, "voucher.reviewed", idOf(voucher)), 403, "entry.role.not-permitted",
                "entry.role");
        ClientKeys claimsReviewer = new ClientKeys(book.preparer.actor(), Role.AGENT_REVIEWER, book.preparer.suite(),
                book.preparer.pair());
        refused(book.entry(claimsReviewer, "voucher.reviewed", idOf(voucher)), 403, "entry.key.role-mismatch",
                "entry.role");
    }

    @Test
    void entryBuiltOnAStaleHeadIsRefused() {
        SignedEntry stale = book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("10.00"));
        book.accept(book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("20.00")));
        refused(stale, 409, "entry.index.stale", "entry.index");
    }

    @Test
    void entryForAnotherBookIsRefused() {
        SignedEntry entry = book.entry(book.preparer, "voucher.recorded", book.parkingVoucher("10.00"));
        Answer answer = client.post("/api/books/lanyuan-public/entries", entry.leaf(), "en");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("code").asText()).isEqualTo("entry.book.mismatch");
    }

    @Test
    void entryForABookThatDoesNotExistIsRefused() {
        SignedEntry entry = book.client.next(book.preparer, "no-such-book", "voucher.recorded", book.today,
                book.parkingVoucher("10.00"), e -> e.put("index", 5));
        Answer answer = client.submit(entry, "en");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("code").asText()).isEqualTo("book.not-found");
    }

    @Test
    void openingAnOpenBookAgainIsRefused() {
        SignedEntry genesis = book.client.next(book.preparer, book.id, "book.opened", book.start.atDay(1),
                (ObjectNode) book.genesis().header().payload(), e -> e.put("index", 0)
                        .put("prev", SignedEntry.GENESIS_PREV));
        long before = book.size();
        Answer answer = client.submit(genesis, "en");
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("code").asText()).isEqualTo("book.exists");
        assertThat(book.size()).isEqualTo(before);
    }

    private JsonNode refused(SignedEntry entry, int status, String code, String field) {
        long before = book.size();
        JsonNode problem = Problems.assertProblem(client.submit(entry), status, code, field);
        assertThat(book.size()).as("nothing stored").isEqualTo(before);
        return problem;
    }

    /** {@link #refused(SignedEntry, int, String, String)} of a body that is not a signed entry, in {@code language}. */
    private JsonNode refused(String body, String language, int status, String code, String field) {
        long before = book.size();
        JsonNode problem = Problems.assertProblem(client.post("/api/books/" + book.id + "/entries", body, language),
                status, code, field);
        assertThat(book.size()).as("nothing stored").isEqualTo(before);
        return problem;
    }

    private static ObjectNode line(ObjectNode voucher, int index) {
        return (ObjectNode) ((ArrayNode) voucher.get("lines")).get(index);
    }
}
