package org.gongzhang.service.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import org.gongzhang.service.attachment.AttachmentStore;
import org.gongzhang.service.custody.CustodialKey;
import org.gongzhang.service.custody.CustodialSigner;
import org.gongzhang.verifier.canonical.CanonicalJson;

/**
 * Writes one compound's demo book through the same signed-entry path as every client: each
 * voucher is recorded by the agent's preparer, reviewed by someone else and posted in date order;
 * periods are closed in order.
 */
final class DemoBook {

    private final CustodialSigner signer;
    private final AttachmentStore attachments;
    private final DemoCast cast;
    private final String book;
    private final LocalDate today;
    private final DemoPostings postings;
    private final DemoWrites writes;

    DemoBook(CustodialSigner signer, AttachmentStore attachments, DemoCast cast, String book, LocalDate today,
            DemoPostings postings, DemoWrites writes) {
        this.signer = signer;
        this.writes = writes;
        this.postings = postings;
        this.attachments = attachments;
        this.cast = cast;
        this.book = book;
        this.today = today;
    }

    void open(DemoCompound compound, YearMonth start, ArrayNode accounts) {
        ObjectNode payload = CanonicalJson.mapper().createObjectNode();
        payload.putObject("compound").put("id", compound.id()).put("name", compound.name());
        payload.putObject("community").put("id", DemoCast.COMMUNITY_ID).put("name", DemoCast.COMMUNITY_NAME);
        payload.putObject("street").put("id", DemoCast.STREET_ID).put("name", DemoCast.STREET_NAME);
        payload.put("fund", "PUBLIC_INCOME");
        payload.put("name", compound.name() + "公共收益账套");
        payload.put("startPeriod", start.toString());
        payload.set("accounts", accounts);
        ArrayNode keys = payload.putArray("keys");
        keys.add(cast.preparer().registration("李娜"));
        keys.add(cast.reviewer().registration("王强"));
        keys.add(cast.auditor().registration("赵敏"));
        signer.submit(cast.preparer(), book, "book.opened", start.atDay(1), payload);
    }

    void openingBalances(LocalDate date, String bank, String accumulated, String reserved) {
        ObjectNode payload = CanonicalJson.mapper().createObjectNode();
        ArrayNode balances = payload.putArray("balances");
        balances.addObject().put("account", "100201").put("debit", bank);
        balances.addObject().put("account", "3101").put("credit", accumulated);
        balances.addObject().put("account", "310201").put("credit", reserved);
        signer.submit(cast.preparer(), book, "opening-balances.set", date, payload);
    }

    /** Runs {@code work}, entries of this book only, in one transaction ({@link DemoWrites#together}). */
    void together(Runnable work) {
        writes.together(book, work);
    }

    /** Records, reviews (by the agent's reviewer, or the community auditor) and posts a voucher. */
    String book(DemoVoucher voucher, boolean auditorReviews) {
        record(voucher);
        review(voucher.id(), voucher.date(), auditorReviews ? cast.auditor() : cast.reviewer());
        post(voucher.id(), voucher.date());
        return voucher.id();
    }

    void record(DemoVoucher voucher) {
        signer.submit(cast.preparer(), book, "voucher.recorded", voucher.date(), voucher.payload());
    }

    void review(String voucherId, LocalDate date, CustodialKey reviewer) {
        signer.submit(reviewer, book, "voucher.reviewed", date, voucherPayload(voucherId));
    }

    /** 记账 by the agent's reviewer, in date order ({@link DemoPostings}). */
    void post(String voucherId, LocalDate date) {
        postings.post(cast.reviewer(), book, voucherId, date);
    }

    void voidVoucher(String voucherId, LocalDate date, String reason) {
        signer.submit(cast.preparer(), book, "voucher.voided", date, voucherPayload(voucherId).put("reason", reason));
    }

    /** 红字冲销: the red voucher is recorded, reviewed and posted like any other. */
    String reverse(String originalId, LocalDate date, String reason) {
        ObjectNode payload = CanonicalJson.mapper().createObjectNode();
        String redId = java.util.UUID.randomUUID().toString();
        payload.put("voucherId", redId).put("reverses", originalId).put("date", date.toString()).put("reason", reason);
        signer.submit(cast.preparer(), book, "voucher.reversed", date, payload);
        review(redId, date, cast.reviewer());
        post(redId, date);
        return redId;
    }

    void closePeriod(YearMonth period) {
        ObjectNode payload = CanonicalJson.mapper().createObjectNode().put("period", period.toString());
        signer.submit(cast.reviewer(), book, "period.closed", period.atEndOfMonth(), payload);
    }

    void registerKey(CustodialKey key, String name, LocalDate date) {
        signer.submit(cast.auditor(), book, "key.registered", date, key.registration(name));
    }

    void revokeKey(CustodialKey key, String reason, LocalDate date) {
        ObjectNode payload = CanonicalJson.mapper().createObjectNode().put("keyId", key.keyId()).put("reason", reason);
        signer.submit(cast.auditor(), book, "key.revoked", date, payload);
    }

    /** Stores a small stand-in for a scanned receipt and returns its content address. */
    String attachment(String text) {
        return attachments.store(book, text.getBytes(StandardCharsets.UTF_8), "text/plain;charset=UTF-8").sha256();
    }

    private static ObjectNode voucherPayload(String voucherId) {
        return CanonicalJson.mapper().createObjectNode().put("voucherId", voucherId);
    }

    LocalDate today() {
        return today;
    }
}
