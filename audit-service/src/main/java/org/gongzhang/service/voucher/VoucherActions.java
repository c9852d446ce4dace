package org.gongzhang.service.voucher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.gongzhang.core.book.api.EntryReceipt;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.service.security.Acting;
import org.gongzhang.service.signing.Signing;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.springframework.stereotype.Component;

/**
 * The daily bookkeeping of a book as entries by the acting person: 制单 (record), 审核 (review),
 * 记账 (post), 作废 (void), 红字冲销 (reverse), 结账 (close) and 反结账 (reopen). The service builds
 * each payload from the request's fields (text only: amounts are decimal strings in yuan); the book
 * judges it and names the field it refuses.
 */
@Component
public class VoucherActions {

    /** A voucher entry's receipt with the voucher it concerns. */
    public record Done(String voucherId, EntryReceipt receipt) {
    }

    private final Signing signing;

    VoucherActions(Signing signing) {
        this.signing = signing;
    }

    /** 录入: a new voucher (voucher.recorded); its business date is the voucher's date. */
    public Done record(Acting preparer, JsonNode body) {
        String voucherId = UUID.randomUUID().toString();
        ObjectNode payload = CanonicalJson.mapper().createObjectNode().put("voucherId", voucherId);
        payload.put("word", text(body, "word"));
        String date = text(body, "date");
        payload.put("date", date);
        payload.set("attachments", attachments(body.path("attachments")));
        payload.put("corrects", text(body, "corrects"));
        ArrayNode lines = payload.putArray("lines");
        JsonNode given = body.path("lines");
        if (!given.isArray()) {
            throw LedgerRefusal.invalid("request.field.not-text", "lines", "lines");
        }
        for (int i = 0; i < given.size(); i++) {
            JsonNode line = given.get(i);
            ObjectNode out = lines.addObject();
            String at = "lines[" + i + "].";
            out.put("summary", text(line, "summary", at));
            out.put("account", text(line, "account", at));
            String debit = text(line, "debit", at);
            String credit = text(line, "credit", at);
            if (debit != null && !debit.isBlank()) {
                out.put("debit", debit.strip());
            }
            if (credit != null && !credit.isBlank()) {
                out.put("credit", credit.strip());
            }
        }
        return new Done(voucherId, signing.submit(preparer, "voucher.recorded", businessDate(date), payload));
    }

    public Done review(Acting reviewer, String voucherId) {
        return step(reviewer, "voucher.reviewed", voucherId, null);
    }

    public Done post(Acting poster, String voucherId) {
        return step(poster, "voucher.posted", voucherId, null);
    }

    public Done voidVoucher(Acting agent, String voucherId, JsonNode body) {
        return step(agent, "voucher.voided", voucherId, text(body, "reason"));
    }

    /** 红字冲销: a red voucher reversing a posted one, dated {@code date} (today when not given). */
    public Done reverse(Acting preparer, String voucherId, JsonNode body) {
        String redId = UUID.randomUUID().toString();
        String date = text(body, "date");
        LocalDate day = date == null || date.isBlank() ? signing.today() : businessDate(date);
        ObjectNode payload = CanonicalJson.mapper().createObjectNode().put("voucherId", redId)
                .put("reverses", voucherId).put("date", day.toString()).put("reason", text(body, "reason"));
        return new Done(redId, signing.submit(preparer, "voucher.reversed", day, payload));
    }

    /** 结账. */
    public EntryReceipt close(Acting reviewer, String period) {
        return signing.submit(reviewer, "period.closed", signing.today(),
                CanonicalJson.mapper().createObjectNode().put("period", period));
    }

    /** 反结账, with a reason. */
    public EntryReceipt reopen(Acting auditor, String period, JsonNode body) {
        return signing.submit(auditor, "period.reopened", signing.today(),
                CanonicalJson.mapper().createObjectNode().put("period", period).put("reason", text(body, "reason")));
    }

    private Done step(Acting acting, String kind, String voucherId, String reason) {
        ObjectNode payload = CanonicalJson.mapper().createObjectNode().put("voucherId", voucherId);
        if (kind.equals("voucher.voided")) {
            payload.put("reason", reason);
        }
        return new Done(voucherId, signing.submit(acting, kind, signing.today(), payload));
    }

    private static ObjectNode attachments(JsonNode given) {
        ObjectNode attachments = CanonicalJson.mapper().createObjectNode();
        JsonNode count = given.path("count");
        JsonNode files = given.path("files");
        if (!count.isMissingNode() && !count.isNull() && !count.canConvertToInt()) {
            throw LedgerRefusal.invalid("request.field.not-text", "attachments.count", "attachments.count");
        }
        ArrayNode out = attachments.putArray("files");
        if (files.isArray()) {
            for (int i = 0; i < files.size(); i++) {
                out.addObject().put("sha256", text(files.get(i), "sha256", "attachments.files[" + i + "]."))
                        .put("name", text(files.get(i), "name", "attachments.files[" + i + "]."));
            }
        }
        int counted = count.isMissingNode() || count.isNull() ? 0 : count.asInt();
        attachments.put("count", Math.max(counted, out.size()));
        return attachments;
    }

    private static LocalDate businessDate(String date) {
        try {
            return LocalDate.parse(date == null ? "" : date.strip());
        } catch (DateTimeParseException e) {
            throw LedgerRefusal.invalid("voucher.date.invalid", "date", String.valueOf(date));
        }
    }

    private static String text(JsonNode node, String field) {
        return text(node, field, "");
    }

    /** A field's text, or null when absent; anything but a string (a number, an object) is refused by name. */
    private static String text(JsonNode node, String field, String prefix) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw LedgerRefusal.invalid("request.field.not-text", prefix + field, prefix + field);
        }
        return value.asText();
    }
}
