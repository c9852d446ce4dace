package org.gongzhang.service.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import org.gongzhang.core.account.ChartOfAccounts;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.gongzhang.verifier.entry.EntryDraft;
import org.gongzhang.verifier.entry.Role;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * A book opened through the HTTP API by client-held keys: a preparer, a reviewer, a community
 * auditor, and a reviewer key held by the preparer herself (to show separation of duties holds
 * per person, not per key). Starts three months ago; vouchers are dated this month.
 */
public final class TestBook {

    public final String id;
    public final LedgerClient client;
    public final ClientKeys preparer;
    public final ClientKeys reviewer;
    public final ClientKeys auditor;
    public final ClientKeys preparerAsReviewer;
    public final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    public final YearMonth start;

    public TestBook(LedgerClient client, SignatureSuite suite) {
        this(client, suite, null);
    }

    /** A book whose 启用期间 is {@code start} (null: three months ago). */
    private TestBook(LedgerClient client, SignatureSuite suite, YearMonth start) {
        this.start = start == null ? YearMonth.from(today).minusMonths(3) : start;
        this.client = client;
        this.id = "t-" + UUID.randomUUID().toString().substring(0, 8);
        this.preparer = ClientKeys.generate("agent:li-" + id, Role.AGENT_PREPARER, suite);
        this.reviewer = ClientKeys.generate("agent:wang-" + id, Role.AGENT_REVIEWER, suite);
        this.auditor = ClientKeys.generate("community:zhao-" + id, Role.COMMUNITY_AUDITOR, suite);
        this.preparerAsReviewer = ClientKeys.generate(preparer.actor(), Role.AGENT_REVIEWER, suite);
    }

    public static TestBook open(LedgerClient client) {
        return open(client, SignatureSuite.ED25519);
    }

    public static TestBook open(LedgerClient client, SignatureSuite suite) {
        TestBook book = new TestBook(client, suite);
        book.accept(book.genesis());
        ObjectNode balances = CanonicalJson.mapper().createObjectNode();
        ArrayNode list = balances.putArray("balances");
        list.addObject().put("account", "100201").put("debit", "50000.00");
        list.addObject().put("account", "3101").put("credit", "50000.00");
        book.accept(book.client.next(book.preparer, book.id, "opening-balances.set", book.start.atDay(1), balances));
        return book;
    }

    /** Where a book's compound is: its community (社区) and street (街道), each by id and name. */
    public record Place(String compound, String communityId, String community, String streetId, String street) {
    }

    /** A book opened (its genesis only) whose first period (启用期间) is {@code start}, e.g. one set up ahead of its year. */
    public static TestBook openStarting(LedgerClient client, YearMonth start) {
        TestBook book = new TestBook(client, SignatureSuite.ED25519, start);
        book.accept(book.genesis());
        return book;
    }

    /** A book opened (its genesis only) for a compound of that name in that community and street. */
    public static TestBook openIn(LedgerClient client, Place place) {
        TestBook book = new TestBook(client, SignatureSuite.ED25519);
        book.accept(book.genesis(place));
        return book;
    }

    public SignedEntry genesis() {
        return genesis(new Place("测试小区", "xinhe", "新河社区", "beishan", "北山街道"));
    }

    private SignedEntry genesis(Place place) {
        ObjectNode payload = CanonicalJson.mapper().createObjectNode();
        payload.putObject("compound").put("id", "c-" + id).put("name", place.compound());
        payload.putObject("community").put("id", place.communityId()).put("name", place.community());
        payload.putObject("street").put("id", place.streetId()).put("name", place.street());
        payload.put("fund", "PUBLIC_INCOME").put("name", place.compound() + "公共收益账套").put("startPeriod", start.toString());
        payload.set("accounts", ChartOfAccounts.defaultPublicIncome().toPayload());
        ArrayNode keys = payload.putArray("keys");
        keys.add(preparer.registration());
        keys.add(reviewer.registration());
        keys.add(auditor.registration());
        keys.add(preparerAsReviewer.registration());
        return client.next(preparer, id, "book.opened", start.atDay(1), payload);
    }

    /** A balanced two-line parking-fee voucher payload dated today. */
    public ObjectNode parkingVoucher(String amount) {
        ObjectNode voucher = voucherHeader("收", today);
        ArrayNode lines = voucher.putArray("lines");
        lines.addObject().put("summary", "收停车费").put("account", "100201").put("debit", amount);
        lines.addObject().put("summary", "收停车费").put("account", "470101").put("credit", amount);
        return voucher;
    }

    public ObjectNode voucherHeader(String word, LocalDate date) {
        ObjectNode voucher = CanonicalJson.mapper().createObjectNode();
        voucher.put("voucherId", UUID.randomUUID().toString()).put("word", word).put("date", date.toString());
        voucher.putNull("corrects");
        voucher.putObject("attachments").put("count", 0).putArray("files");
        return voucher;
    }

    public static ObjectNode idOf(ObjectNode voucher) {
        return CanonicalJson.mapper().createObjectNode().put("voucherId", voucher.get("voucherId").asText());
    }

    public SignedEntry entry(ClientKeys keys, String kind, ObjectNode payload) {
        return client.next(keys, id, kind, today, payload);
    }

    /**
     * A parking voucher of {@code amount} recorded by {@code keys}, signed at the index and
     * {@code prev} a lease of this book gave ({@code {"index", "prev", …}}).
     */
    public SignedEntry voucherAt(ClientKeys keys, JsonNode lease, String amount) {
        return new EntryDraft(id, lease.get("index").asLong(), lease.get("prev").asText(), "voucher.recorded",
                keys.actor(), keys.role(), keys.keyId(), keys.suite(), false, UUID.randomUUID().toString(),
                Instant.now(), today, parkingVoucher(amount)).sign(keys.pair().getPrivate());
    }

    /** Records, reviews and posts a voucher; answers the voucher payload. */
    public ObjectNode postVoucher(ObjectNode voucher) {
        accept(entry(preparer, "voucher.recorded", voucher));
        accept(entry(reviewer, "voucher.reviewed", idOf(voucher)));
        accept(entry(reviewer, "voucher.posted", idOf(voucher)));
        return voucher;
    }

    public LedgerClient.Answer accept(SignedEntry entry) {
        LedgerClient.Answer answer = client.submit(entry);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer;
    }

    /** Waits (up to 10 s) until the reporting read model has applied every entry of this book. */
    public void awaitReports() {
        long last = size() - 1;
        for (int i = 0; i < 100; i++) {
            // 404 until the read model has applied the genesis
            LedgerClient.Answer balance = client.get("/api/books/" + id + "/reports/trial-balance?from=" + start + "&to="
                    + start);
            if (balance.status() == 200 && balance.json().get("appliedIndex").asLong() >= last) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the reports of " + id + " did not catch up");
    }

    public long size() {
        return client.get("/api/books/" + id + "/head").json().get("size").asLong();
    }
}
