package org.gongzhang.service.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.UUID;
import org.gongzhang.verifier.canonical.CanonicalJson;

/** A demo 记账凭证 payload under construction: word, date, lines and attachment hashes. */
final class DemoVoucher {

    private final ObjectNode payload = CanonicalJson.mapper().createObjectNode();
    private final ArrayNode lines = payload.putArray("lines");
    private final ArrayNode files;
    private final LocalDate date;

    DemoVoucher(String word, LocalDate date) {
        this.date = date;
        payload.put("voucherId", UUID.randomUUID().toString());
        payload.put("word", word);
        payload.put("date", date.toString());
        payload.putNull("corrects");
        ObjectNode attachments = payload.putObject("attachments");
        attachments.put("count", 0);
        files = attachments.putArray("files");
    }

    DemoVoucher debit(String summary, String account, String amount) {
        lines.addObject().put("summary", summary).put("account", account).put("debit", amount);
        return this;
    }

    DemoVoucher credit(String summary, String account, String amount) {
        lines.addObject().put("summary", summary).put("account", account).put("credit", amount);
        return this;
    }

    DemoVoucher attach(String sha256, String name) {
        files.addObject().put("sha256", sha256).put("name", name);
        ObjectNode attachments = (ObjectNode) payload.get("attachments");
        attachments.put("count", attachments.get("count").asInt() + 1);
        return this;
    }

    DemoVoucher corrects(String voucherId) {
        payload.put("corrects", voucherId);
        return this;
    }

    String id() {
        return payload.get("voucherId").asText();
    }

    LocalDate date() {
        return date;
    }

    ObjectNode payload() {
        return payload;
    }
}
