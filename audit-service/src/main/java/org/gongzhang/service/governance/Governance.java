package org.gongzhang.service.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.gongzhang.core.book.api.EntryReceipt;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.core.book.api.payload.RequestEscalated;
import org.gongzhang.core.expenditure.SpendingRules;
import org.gongzhang.service.axon.TransactionBoundConnections;
import org.gongzhang.service.custody.CustodialKey;
import org.gongzhang.service.custody.CustodialKeys;
import org.gongzhang.service.custody.CustodialSigner;
import org.gongzhang.service.disclosure.Objections;
import org.gongzhang.service.security.Acting;
import org.gongzhang.service.signing.SignatureRequired;
import org.gongzhang.service.signing.Signing;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.entry.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 业财社管 through the service: each action is one entry signed by the acting person's custodial
 * key, checked by the book like any other. The service fills in what it knows from its index — the
 * rule set version a request is judged under, the request's account on a payment voucher — and
 * keeps a private payee's name out of the log: the entry carries SHA-256(salt ‖ name) only.
 */
@Component
public class Governance {

    /** Cash and bank: what a payment voucher credits unless told otherwise. */
    static final String BANK = "100201";
    /** How often an entry that lost the race for the book's head is signed again. */
    static final int ATTEMPTS = 3;

    private final JdbcTemplate jdbc;
    private final GovernanceQueries queries;
    private final CustodialKeys keys;
    private final CustodialSigner signer;
    private final Signing signing;
    private final SecureRandom random = new SecureRandom();

    Governance(JdbcTemplate jdbc, GovernanceQueries queries, CustodialKeys keys, CustodialSigner signer, Signing signing) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.keys = keys;
        this.signer = signer;
        this.signing = signing;
    }

    /** The town adopts the DOMAIN §4 defaults for the book, as the next version of {@code default}. */
    public GovernanceQueries.Ruleset adoptDefaults(Acting officer) {
        String book = officer.book().book();
        for (int attempt = 1; ; attempt++) {
            int version = queries.lastVersion(book, SpendingRules.DEFAULT_ID) + 1;
            ObjectNode defaults = SpendingRules.defaults(SpendingRules.DEFAULT_ID, version);
            java.util.Optional<GovernanceQueries.Ruleset> same = queries.sameAsLast(book, SpendingRules.DEFAULT_ID, defaults);
            if (same.isPresent()) {
                return same.get(); // the defaults are in force already
            }
            try {
                signing.submit(officer, "ruleset.adopted", signer.today(), defaults);
                return queries.ruleset(book, SpendingRules.DEFAULT_ID, version).orElseThrow();
            } catch (LedgerRefusal refusal) {
                if (!signsAgain(attempt, refusal)) {
                    throw refusal;
                }
            }
        }
    }

    /**
     * 支出申请. A payee {@code {"type": "PERSON", "name": …}} is kept here with a salt; the entry
     * carries only the commitment.
     */
    @Transactional(noRollbackFor = SignatureRequired.class)
    public GovernanceQueries.RequestView raise(Acting requester, ObjectNode body) {
        String book = requester.book().book();
        String requestId = UUID.randomUUID().toString();
        ObjectNode payload = CanonicalJson.mapper().createObjectNode().put("requestId", requestId);
        copy(body, payload, "amount", "purpose", "account");
        JsonNode payee = body.path("payee");
        if ("PERSON".equals(payee.path("type").asText()) && payee.hasNonNull("name")) {
            String name = payee.get("name").asText().strip();
            if (name.isEmpty()) {
                throw LedgerRefusal.invalid("governance.payee.person-name.blank", "payee.name");
            }
            String salt = saltFor(book, name);
            jdbc.update("insert into gov_payee_private (book_id, request_id, name) values (?, ?, ?)",
                    book, requestId, name);
            payload.putObject("payee").put("type", "PERSON").put("commitment", Objections.commitment(salt, name));
        } else {
            payload.set("payee", payee.isMissingNode() ? null : payee.deepCopy());
        }
        payload.put("matter", body.path("matter").asText("ORDINARY"));
        payload.put("works", body.path("works").asBoolean(false));
        payload.set("quotes", files(body, "quotes"));
        payload.set("documents", files(body, "documents"));
        submit(requester, "request.raised", payload);
        return queries.request(book, requestId).orElseThrow();
    }

    /** 审批通过 of the pending step; the step, rule set and version come from the index. */
    public GovernanceQueries.RequestView approve(Acting approver, String requestId, String decisionId) {
        GovernanceQueries.RequestView request = pending(approver, requestId);
        ObjectNode payload = onRequest(request).put("step", request.pendingStep());
        payload.put("decisionId", decisionId);
        submit(approver, "request.approved", payload);
        return queries.request(request.book(), requestId).orElseThrow();
    }

    /** 不予批准, with a reason (and at the assembly step the failed decision). */
    public GovernanceQueries.RequestView refuse(Acting approver, String requestId, String reason, String decisionId) {
        GovernanceQueries.RequestView request = pending(approver, requestId);
        ObjectNode payload = onRequest(request).put("step", request.pendingStep()).put("reason", reason);
        payload.put("decisionId", decisionId);
        submit(approver, "request.refused", payload);
        return queries.request(request.book(), requestId).orElseThrow();
    }

    /** 退回补充, with a question to the requester. */
    public GovernanceQueries.RequestView returnToRequester(Acting approver, String requestId, String question) {
        GovernanceQueries.RequestView request = pending(approver, requestId);
        submit(approver, "request.returned",
                onRequest(request).put("step", request.pendingStep()).put("question", question));
        return queries.request(request.book(), requestId).orElseThrow();
    }

    public GovernanceQueries.RequestView cancel(Acting acting, String requestId, String reason) {
        GovernanceQueries.RequestView request = existing(acting, requestId);
        submit(acting, "request.cancelled", onRequest(request).put("reason", reason));
        return queries.request(request.book(), requestId).orElseThrow();
    }

    /** The requester's answer to a return: amount, purpose, quotes and documents in full (unchanged when not given). */
    public GovernanceQueries.RequestView resubmit(Acting requester, String requestId, ObjectNode body) {
        GovernanceQueries.RequestView request = existing(requester, requestId);
        ObjectNode payload = onRequest(request);
        payload.put("amount", body.hasNonNull("amount") ? body.get("amount").asText() : request.amount());
        payload.put("purpose", body.hasNonNull("purpose") ? body.get("purpose").asText() : request.purpose());
        payload.set("quotes", files(body, "quotes"));
        payload.set("documents", files(body, "documents"));
        submit(requester, "request.resubmitted", payload);
        return queries.request(request.book(), requestId).orElseThrow();
    }

    /** 超支追加: a new total above the approved amount. */
    public GovernanceQueries.RequestView increase(Acting requester, String requestId, String amount, String reason) {
        GovernanceQueries.RequestView request = existing(requester, requestId);
        ObjectNode payload = CanonicalJson.mapper().createObjectNode().put("requestId", requestId)
                .put("amount", amount).put("reason", reason);
        submit(requester, "request.increased", payload);
        return queries.request(request.book(), requestId).orElseThrow();
    }

    /**
     * 逾期升级: the service's clerk escalates a step that waited past the rule set's review working
     * days, dated today; the book judges whether it is late enough and not escalated before.
     */
    EntryReceipt escalateLate(String book, String requestId, String step) {
        ObjectNode payload = CanonicalJson.mapper().createObjectNode().put("requestId", requestId).put("step", step)
                .put("reason", RequestEscalated.DEADLINE);
        return submit(keys.forActor(Objections.CLERK, Role.SERVICE), book, "request.escalated", signer.today(), payload);
    }

    /** 利益申报 by the acting person: a company by name, a person by the same commitment the book's requests use. */
    public GovernanceQueries.Interest declare(Acting declarant, ObjectNode body) {
        String book = declarant.book().book();
        JsonNode payee = body.path("payee");
        ObjectNode payload = CanonicalJson.mapper().createObjectNode();
        if ("PERSON".equals(payee.path("type").asText()) && payee.hasNonNull("name")) {
            payload.putObject("payee").put("type", "PERSON")
                    .put("commitment", Objections.commitment(saltFor(book, payee.get("name").asText().strip()),
                            payee.get("name").asText().strip()));
        } else {
            payload.set("payee", payee.isMissingNode() ? null : payee.deepCopy());
        }
        payload.put("relation", body.path("relation").asText(""));
        EntryReceipt receipt = submit(declarant, "interest.declared", payload);
        return queries.interest(book, receipt.index()).orElseThrow();
    }

    /** 业主共同决定 with its tally, as the chair records it; the book recomputes the result. */
    public GovernanceQueries.Decision decide(Acting chair, ObjectNode body) {
        ObjectNode payload = body.deepCopy();
        if (!payload.hasNonNull("decisionId")) {
            payload.put("decisionId", UUID.randomUUID().toString());
        }
        if (!payload.has("requestId")) {
            payload.putNull("requestId");
        }
        submit(chair, "decision.recorded", payload);
        return queries.decision(chair.book().book(), payload.get("decisionId").asText()).orElseThrow();
    }

    /**
     * 付款: the preparer records the payment voucher of an approved request, debiting the request's
     * account and crediting the bank. The book refuses a payment that would take the paid total
     * above the approved amount; two racing for the rest of an approval cannot both pass.
     */
    public GovernanceQueries.Payment pay(Acting preparer, String requestId, ObjectNode body) {
        GovernanceQueries.RequestView request = existing(preparer, requestId);
        String summary = body.hasNonNull("summary") ? body.get("summary").asText() : "付" + request.purpose();
        ObjectNode payload = voucher(body, summary, request.account());
        payload.putObject("payment").put("request", requestId);
        submit(preparer, "voucher.recorded", payload);
        return queries.payment(request.book(), payload.get("voucherId").asText()).orElseThrow();
    }

    /** A payment voucher against a signed contract (业标镇管: only against the awarded contract). */
    public GovernanceQueries.Payment payContract(Acting preparer, String contractId, ObjectNode body) {
        String book = preparer.book().book();
        GovernanceQueries.ContractView contract = queries.contract(book, contractId).orElseThrow(() ->
                new LedgerRefusal(Kind.NOT_FOUND, "contract.unknown", "contractId", contractId));
        String account = body.hasNonNull("account") ? body.get("account").asText() : "510103";
        ObjectNode payload = voucher(body, body.hasNonNull("summary") ? body.get("summary").asText()
                : "付" + contract.supplierName() + "合同款", account);
        payload.putObject("payment").put("contract", contractId);
        submit(preparer, "voucher.recorded", payload);
        return queries.payment(book, payload.get("voucherId").asText()).orElseThrow();
    }

    /**
     * A tender or contract step as the town officer, the chair or the community auditor records it.
     * {@code businessDate} (optional, not after today) is the day it happened, which the notice
     * rules judge; it is not part of the payload.
     */
    public EntryReceipt tenderStep(Acting acting, String kind, ObjectNode body) {
        ObjectNode payload = body.deepCopy();
        JsonNode date = payload.remove("businessDate");
        LocalDate businessDate = date == null || date.isNull() ? signer.today() : parseDate(date.asText());
        return submit(acting, kind, businessDate, payload);
    }

    private ObjectNode voucher(ObjectNode body, String summary, String debitAccount) {
        String amount = body.path("amount").asText(null);
        String date = body.hasNonNull("date") ? body.get("date").asText() : signer.today().toString();
        ObjectNode payload = CanonicalJson.mapper().createObjectNode().put("voucherId", UUID.randomUUID().toString())
                .put("word", "付").put("date", date);
        payload.putNull("corrects");
        ObjectNode attachments = payload.putObject("attachments");
        JsonNode files = body.path("attachments");
        attachments.put("count", files.isArray() ? files.size() : 0);
        attachments.set("files", files.isArray() ? files.deepCopy() : CanonicalJson.mapper().createArrayNode());
        String credit = body.hasNonNull("creditAccount") ? body.get("creditAccount").asText() : BANK;
        payload.putArray("lines").add(CanonicalJson.mapper().createObjectNode().put("summary", summary)
                        .put("account", debitAccount).put("debit", amount))
                .add(CanonicalJson.mapper().createObjectNode().put("summary", summary).put("account", credit)
                        .put("credit", amount));
        return payload;
    }

    private EntryReceipt submit(Acting acting, String kind, ObjectNode payload) {
        return submit(acting, kind, signer.today(), payload);
    }

    /** Signs and submits; an entry that lost the race for the book's head is signed again on the new head. */
    private EntryReceipt submit(Acting acting, String kind, LocalDate businessDate, ObjectNode payload) {
        for (int attempt = 1; ; attempt++) {
            try {
                return signing.submit(acting, kind, businessDate, payload);
            } catch (LedgerRefusal refusal) {
                if (!signsAgain(attempt, refusal)) {
                    throw refusal;
                }
            }
        }
    }

    private EntryReceipt submit(CustodialKey key, String book, String kind, LocalDate businessDate, ObjectNode payload) {
        for (int attempt = 1; ; attempt++) {
            try {
                return signer.submit(key, book, kind, businessDate, payload);
            } catch (LedgerRefusal refusal) {
                if (!signsAgain(attempt, refusal)) {
                    throw refusal;
                }
            }
        }
    }

    private GovernanceQueries.RequestView existing(Acting acting, String requestId) {
        return queries.request(acting.book().book(), requestId).orElseThrow(() ->
                new LedgerRefusal(Kind.NOT_FOUND, "request.unknown", "requestId", requestId));
    }

    private GovernanceQueries.RequestView pending(Acting acting, String requestId) {
        GovernanceQueries.RequestView request = existing(acting, requestId);
        if (request.pendingStep() == null) {
            throw new LedgerRefusal(Kind.CONFLICT, "request.not-pending", "requestId", requestId, request.status());
        }
        return request;
    }

    private static ObjectNode onRequest(GovernanceQueries.RequestView request) {
        return CanonicalJson.mapper().createObjectNode().put("requestId", request.requestId())
                .put("ruleset", request.ruleset()).put("rulesetVersion", request.rulesetVersion());
    }

    /** One salt per person and book, so that a declaration of interest in that person matches their requests. */
    private String saltFor(String book, String name) {
        byte[] salt = new byte[32];
        random.nextBytes(salt);
        jdbc.update("insert into gov_person_salt (book_id, name, salt) values (?, ?, ?) on conflict do nothing",
                book, name, HexFormat.of().formatHex(salt));
        return jdbc.queryForObject("select salt from gov_person_salt where book_id = ? and name = ?", String.class,
                book, name);
    }

    private static JsonNode files(JsonNode body, String field) {
        JsonNode files = body.get(field);
        return files == null || files.isNull() ? CanonicalJson.mapper().createArrayNode() : files.deepCopy();
    }

    private static void copy(JsonNode from, ObjectNode to, String... fields) {
        for (String field : fields) {
            JsonNode value = from.get(field);
            if (value != null) {
                to.set(field, value.deepCopy());
            }
        }
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw LedgerRefusal.invalid("governance.business-date.invalid", "businessDate", text);
        }
    }

    /**
     * Whether an entry refused after {@code attempt} tries is signed again: only when it lost the
     * race for the head, and only while the transaction it is part of (raising a request with its
     * payee's private row) can still commit. A refusal that came after the book was read from the
     * database marked that transaction rollback-only; another try would be lost with it at the
     * commit, so the refusal goes to the caller, who may send the whole request again.
     */
    private boolean signsAgain(int attempt, LedgerRefusal refusal) {
        return attempt < ATTEMPTS && raced(refusal) && !TransactionBoundConnections.rollbackOnly(jdbc.getDataSource());
    }

    /** The book moved on between signing and appending. */
    static boolean raced(LedgerRefusal refusal) {
        return refusal.code().startsWith("entry.prev") || refusal.code().startsWith("entry.index");
    }
}
