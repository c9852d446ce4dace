package org.gongzhang.service.governance;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.gongzhang.core.book.api.ContractAcceptedEvent;
import org.gongzhang.core.book.api.ContractSettledEvent;
import org.gongzhang.core.book.api.ContractSignedEvent;
import org.gongzhang.core.book.api.DecisionRecordedEvent;
import org.gongzhang.core.book.api.InterestDeclaredEvent;
import org.gongzhang.core.book.api.RequestApprovedEvent;
import org.gongzhang.core.book.api.RequestCancelledEvent;
import org.gongzhang.core.book.api.RequestEscalatedEvent;
import org.gongzhang.core.book.api.RequestIncreasedEvent;
import org.gongzhang.core.book.api.RequestRaisedEvent;
import org.gongzhang.core.book.api.RequestRefusedEvent;
import org.gongzhang.core.book.api.RequestResubmittedEvent;
import org.gongzhang.core.book.api.RequestReturnedEvent;
import org.gongzhang.core.book.api.RulesetAdoptedEvent;
import org.gongzhang.core.book.api.TenderAwardNoticedEvent;
import org.gongzhang.core.book.api.TenderAwardedEvent;
import org.gongzhang.core.book.api.TenderBidReceivedEvent;
import org.gongzhang.core.book.api.TenderEvaluatedEvent;
import org.gongzhang.core.book.api.TenderOpenedEvent;
import org.gongzhang.core.book.api.TenderPublishedEvent;
import org.gongzhang.core.book.api.VoucherRecordedEvent;
import org.gongzhang.core.book.api.VoucherReversedEvent;
import org.gongzhang.core.book.api.VoucherVoidedEvent;
import org.gongzhang.core.money.Money;
import org.gongzhang.verifier.entry.EntryHeader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The service's index of spending governance and tenders, written in the transaction that stores
 * each entry (the {@code ledger-index} group is subscribing), so it never disagrees with the log.
 * The book has already checked every rule; this only follows what the entries say, deriving
 * each request's path and pending step the way the book does. A private payee appears as
 * {@link #PERSON_PAYEE} only.
 */
@Component
@ProcessingGroup("ledger-index")
class GovernanceIndex {

    /** What the public index shows for a private person paid by a request (个人信息保护法 §25). */
    static final String PERSON_PAYEE = "个人（不公开）";

    private final JdbcTemplate jdbc;

    GovernanceIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RulesetAdoptedEvent event) {
        EntryHeader h = event.header();
        JsonNode p = h.payload();
        jdbc.update("""
                insert into gov_ruleset (book_id, ruleset, version, payload, adopted_index, adopted_by, adopted_at)
                values (?, ?, ?, ?, ?, ?, ?)""",
                h.book(), p.path("ruleset").asText(), p.path("version").asInt(), p.toString(), h.index(), h.actor(),
                date(h.businessDate()));
    }

    @EventHandler
    void on(RequestRaisedEvent event) {
        EntryHeader h = event.header();
        JsonNode p = h.payload();
        String[] rules = jdbc.queryForObject("""
                select ruleset, version from gov_ruleset where book_id = ? order by adopted_index desc limit 1""",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, h.book());
        RulePaths paths = paths(h.book(), rules[0], Integer.parseInt(rules[1]));
        long amount = fen(p.path("amount"));
        String matter = p.path("matter").asText();
        List<String> path = paths.path(amount, matter);
        JsonNode payee = p.path("payee");
        boolean person = "PERSON".equals(payee.path("type").asText());
        jdbc.update("""
                insert into gov_request (book_id, request_id, status, amount_fen, purpose, account, payee_type, payee_name,
                    payee_key, matter, works, tender_required, ruleset, ruleset_version, path, next_step, pending_step,
                    pending_since, requester, raised_index, raised_at, last_index)
                values (?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)""",
                h.book(), p.path("requestId").asText(), amount, p.path("purpose").asText(), p.path("account").asText(),
                payee.path("type").asText(), person ? PERSON_PAYEE : payee.path("name").asText(),
                payeeKey(payee), matter, p.path("works").asBoolean(), paths.tenderRequired(amount), rules[0],
                Integer.parseInt(rules[1]), String.join(",", path), path.get(0), date(h.businessDate()), h.actor(),
                h.index(), date(h.businessDate()), h.index());
        step(h, "RAISED", null, amount, p.path("purpose").asText());
    }

    @EventHandler
    void on(RequestApprovedEvent event) {
        EntryHeader h = event.header();
        Request r = request(h);
        int next = r.next() + 1;
        if (next == r.path().size()) {
            jdbc.update("""
                    update gov_request set status = 'APPROVED', approved_fen = amount_fen, next_step = ?, pending_step = null,
                        pending_since = null, escalated_to = null, last_index = ? where book_id = ? and request_id = ?""",
                    next, h.index(), h.book(), r.id());
        } else {
            jdbc.update("""
                    update gov_request set next_step = ?, pending_step = ?, pending_since = ?, escalated_to = null,
                        last_index = ? where book_id = ? and request_id = ?""",
                    next, r.path().get(next), date(h.businessDate()), h.index(), h.book(), r.id());
        }
        step(h, "APPROVED", h.payload().path("step").asText(), null, text(h.payload(), "decisionId"));
    }

    @EventHandler
    void on(RequestRefusedEvent event) {
        EntryHeader h = event.header();
        Request r = request(h);
        if (r.approved() > 0) {
            // a refused increase: approved at the earlier amount
            jdbc.update("""
                    update gov_request set status = 'APPROVED', amount_fen = approved_fen, tender_required = ?,
                        pending_step = null, pending_since = null, escalated_to = null, last_index = ?
                    where book_id = ? and request_id = ?""",
                    paths(h.book(), r.ruleset(), r.version()).tenderRequired(r.approved()), h.index(), h.book(), r.id());
        } else {
            close(h, r, "REFUSED");
        }
        step(h, "REFUSED", h.payload().path("step").asText(), null, text(h.payload(), "reason"));
    }

    @EventHandler
    void on(RequestReturnedEvent event) {
        EntryHeader h = event.header();
        close(h, request(h), "RETURNED");
        step(h, "RETURNED", h.payload().path("step").asText(), null, text(h.payload(), "question"));
    }

    @EventHandler
    void on(RequestCancelledEvent event) {
        EntryHeader h = event.header();
        close(h, request(h), "CANCELLED");
        step(h, "CANCELLED", null, null, text(h.payload(), "reason"));
    }

    @EventHandler
    void on(RequestResubmittedEvent event) {
        EntryHeader h = event.header();
        long amount = fen(h.payload().path("amount"));
        restart(h, request(h), amount, h.payload().path("purpose").asText());
        step(h, "RESUBMITTED", null, amount, h.payload().path("purpose").asText());
    }

    @EventHandler
    void on(RequestIncreasedEvent event) {
        EntryHeader h = event.header();
        long amount = fen(h.payload().path("amount"));
        restart(h, request(h), amount, null);
        step(h, "INCREASED", null, amount, text(h.payload(), "reason"));
    }

    @EventHandler
    void on(RequestEscalatedEvent event) {
        EntryHeader h = event.header();
        Request r = request(h);
        String to = switch (r.path().get(r.next())) {
            case "COMMUNITY" -> "TOWN";
            default -> "COMMUNITY";
        };
        jdbc.update("update gov_request set escalated_to = ?, last_index = ? where book_id = ? and request_id = ?",
                to, h.index(), h.book(), r.id());
        step(h, "ESCALATED", h.payload().path("step").asText(), null, text(h.payload(), "reason"));
    }

    @EventHandler
    void on(InterestDeclaredEvent event) {
        EntryHeader h = event.header();
        JsonNode payee = h.payload().path("payee");
        boolean person = "PERSON".equals(payee.path("type").asText());
        jdbc.update("""
                insert into gov_interest (book_id, entry_index, actor, payee_type, payee_name, relation, declared_at)
                values (?, ?, ?, ?, ?, ?, ?)""",
                h.book(), h.index(), h.actor(), payee.path("type").asText(),
                person ? PERSON_PAYEE : payee.path("name").asText(), h.payload().path("relation").asText(),
                date(h.businessDate()));
    }

    @EventHandler
    void on(DecisionRecordedEvent event) {
        EntryHeader h = event.header();
        JsonNode p = h.payload();
        com.fasterxml.jackson.databind.node.ObjectNode tally = p.deepCopy();
        List.of("decisionId", "matter", "subject", "requestId", "rollSha256", "result").forEach(tally::remove);
        jdbc.update("""
                insert into gov_decision (book_id, decision_id, matter, subject, request_id, result, tally, roll_sha256,
                    recorded_index, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                h.book(), p.path("decisionId").asText(), p.path("matter").asText(), p.path("subject").asText(),
                text(p, "requestId"), p.path("result").asText(), tally.toString(), p.path("rollSha256").asText(),
                h.index(), date(h.businessDate()));
    }

    @EventHandler
    void on(VoucherRecordedEvent event) {
        EntryHeader h = event.header();
        JsonNode payment = h.payload().path("payment");
        if (!payment.isObject()) {
            return;
        }
        String request = text(payment, "request");
        String contract = request == null ? text(payment, "contract") : null;
        if (request == null && contract == null) {
            return;
        }
        long amount = 0;
        for (JsonNode line : h.payload().path("lines")) {
            if (line.hasNonNull("debit")) {
                amount += fen(line.get("debit"));
            }
        }
        jdbc.update("""
                insert into gov_payment (book_id, voucher_id, request_id, contract_id, amount_fen, voucher_date, entry_index)
                values (?, ?, ?, ?, ?, ?, ?)""",
                h.book(), h.payload().path("voucherId").asText(), request, contract, amount,
                Date.valueOf(h.payload().path("date").asText()), h.index());
        repay(h.book(), request, contract);
    }

    @EventHandler
    void on(VoucherVoidedEvent event) {
        release(event.header().book(), event.header().payload().path("voucherId").asText());
    }

    @EventHandler
    void on(VoucherReversedEvent event) {
        release(event.header().book(), event.header().payload().path("reverses").asText());
    }

    @EventHandler
    void on(TenderPublishedEvent event) {
        EntryHeader h = event.header();
        JsonNode p = h.payload();
        jdbc.update("""
                insert into gov_tender (book_id, tender_id, request_id, title, description, budget_fen, works, stage,
                    notice_from, notice_until, bid_opening, published_index, published_at, last_index)
                values (?, ?, ?, ?, ?, ?, ?, 'PUBLISHED', ?, ?, ?, ?, ?, ?)""",
                h.book(), p.path("tenderId").asText(), text(p, "requestId"), p.path("title").asText(),
                text(p, "description"), fen(p.path("budget")), p.path("works").asBoolean(),
                Date.valueOf(p.path("noticeFrom").asText()), Date.valueOf(p.path("noticeUntil").asText()),
                Date.valueOf(p.path("bidOpening").asText()), h.index(), date(h.businessDate()), h.index());
    }

    @EventHandler
    void on(TenderBidReceivedEvent event) {
        EntryHeader h = event.header();
        JsonNode p = h.payload();
        jdbc.update("insert into gov_bid (book_id, tender_id, bid_id, bidder_name, credit_code) values (?, ?, ?, ?, ?)",
                h.book(), p.path("tenderId").asText(), p.path("bidId").asText(),
                p.path("bidder").path("name").asText(), p.path("bidder").path("creditCode").asText());
        jdbc.update("update gov_tender set bids = bids + 1, last_index = ? where book_id = ? and tender_id = ?",
                h.index(), h.book(), p.path("tenderId").asText());
    }

    @EventHandler
    void on(TenderOpenedEvent event) {
        EntryHeader h = event.header();
        JsonNode p = h.payload();
        for (JsonNode bid : p.path("bids")) {
            jdbc.update("update gov_bid set amount_fen = ? where book_id = ? and tender_id = ? and bid_id = ?",
                    fen(bid.path("amount")), h.book(), p.path("tenderId").asText(), bid.path("bidId").asText());
        }
        stage(h, "OPENED");
    }

    @EventHandler
    void on(TenderEvaluatedEvent event) {
        EntryHeader h = event.header();
        JsonNode p = h.payload();
        int rank = 1;
        for (JsonNode bid : p.path("ranking")) {
            jdbc.update("update gov_bid set rank = ? where book_id = ? and tender_id = ? and bid_id = ?",
                    rank++, h.book(), p.path("tenderId").asText(), bid.asText());
        }
        stage(h, "EVALUATED");
    }

    @EventHandler
    void on(TenderAwardedEvent event) {
        EntryHeader h = event.header();
        JsonNode p = h.payload();
        jdbc.update("update gov_tender set awarded_bid = ?, awarded_amount_fen = ? where book_id = ? and tender_id = ?",
                p.path("bidId").asText(), fen(p.path("amount")), h.book(), p.path("tenderId").asText());
        stage(h, "AWARDED");
    }

    @EventHandler
    void on(TenderAwardNoticedEvent event) {
        EntryHeader h = event.header();
        JsonNode p = h.payload();
        jdbc.update("update gov_tender set award_notice_from = ?, award_notice_until = ? where book_id = ? and tender_id = ?",
                Date.valueOf(p.path("noticeFrom").asText()), Date.valueOf(p.path("noticeUntil").asText()), h.book(),
                p.path("tenderId").asText());
        stage(h, "AWARD_NOTICED");
    }

    @EventHandler
    void on(ContractSignedEvent event) {
        EntryHeader h = event.header();
        JsonNode p = h.payload();
        jdbc.update("""
                insert into gov_contract (book_id, contract_id, tender_id, supplier_name, credit_code, amount_fen, status,
                    signed_at, signed_index) values (?, ?, ?, ?, ?, ?, 'SIGNED', ?, ?)""",
                h.book(), p.path("contractId").asText(), p.path("tenderId").asText(),
                p.path("supplier").path("name").asText(), p.path("supplier").path("creditCode").asText(),
                fen(p.path("amount")), date(h.businessDate()), h.index());
        jdbc.update("update gov_tender set contract_id = ? where book_id = ? and tender_id = ?",
                p.path("contractId").asText(), h.book(), p.path("tenderId").asText());
        stage(h, "CONTRACTED");
    }

    @EventHandler
    void on(ContractAcceptedEvent event) {
        EntryHeader h = event.header();
        JsonNode p = h.payload();
        jdbc.update("update gov_contract set status = 'ACCEPTED', accepted_at = ? where book_id = ? and contract_id = ?",
                Date.valueOf(p.path("date").asText()), h.book(), p.path("contractId").asText());
    }

    @EventHandler
    void on(ContractSettledEvent event) {
        EntryHeader h = event.header();
        JsonNode p = h.payload();
        jdbc.update("update gov_contract set status = 'SETTLED', final_amount_fen = ? where book_id = ? and contract_id = ?",
                fen(p.path("finalAmount")), h.book(), p.path("contractId").asText());
    }

    /** A request as the index follows it. */
    private record Request(String id, List<String> path, int next, long approved, String ruleset, int version,
            String matter) {
    }

    private Request request(EntryHeader h) {
        String id = h.payload().path("requestId").asText();
        return jdbc.queryForObject("""
                select path, next_step, approved_fen, ruleset, ruleset_version, matter from gov_request
                where book_id = ? and request_id = ?""",
                (rs, n) -> new Request(id, List.of(rs.getString(1).split(",")), rs.getInt(2), rs.getLong(3),
                        rs.getString(4), rs.getInt(5), rs.getString(6)), h.book(), id);
    }

    private RulePaths paths(String book, String ruleset, int version) {
        String payload = jdbc.queryForObject("select payload from gov_ruleset where book_id = ? and ruleset = ? and version = ?",
                String.class, book, ruleset, version);
        try {
            return new RulePaths(org.gongzhang.verifier.canonical.CanonicalJson.mapper().readTree(payload));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void close(EntryHeader h, Request r, String status) {
        jdbc.update("""
                update gov_request set status = ?, pending_step = null, pending_since = null, escalated_to = null,
                    last_index = ? where book_id = ? and request_id = ?""", status, h.index(), h.book(), r.id());
    }

    private void restart(EntryHeader h, Request r, long amount, String purpose) {
        RulePaths paths = paths(h.book(), r.ruleset(), r.version());
        List<String> path = r.approved() > 0 ? paths.increasePath(r.approved(), amount, r.matter())
                : paths.path(amount, r.matter());
        jdbc.update("""
                update gov_request set status = 'PENDING', amount_fen = ?, purpose = coalesce(?, purpose), path = ?,
                    next_step = 0, pending_step = ?, pending_since = ?, escalated_to = null, tender_required = ?,
                    last_index = ? where book_id = ? and request_id = ?""",
                amount, purpose, String.join(",", path), path.get(0), date(h.businessDate()),
                paths.tenderRequired(amount), h.index(), h.book(), r.id());
    }

    private void step(EntryHeader h, String kind, String step, Long amount, String note) {
        jdbc.update("""
                insert into gov_request_step (book_id, entry_index, request_id, kind, step, actor, business_date,
                    amount_fen, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                h.book(), h.index(), h.payload().path("requestId").asText(), kind, step, h.actor(),
                date(h.businessDate()), amount, note);
    }

    private void stage(EntryHeader h, String stage) {
        jdbc.update("update gov_tender set stage = ?, last_index = ? where book_id = ? and tender_id = ?",
                stage, h.index(), h.book(), h.payload().path("tenderId").asText());
    }

    private void release(String book, String voucherId) {
        List<String[]> paid = jdbc.query("select request_id, contract_id from gov_payment where book_id = ? and voucher_id = ?",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, book, voucherId);
        if (paid.isEmpty()) {
            return;
        }
        jdbc.update("update gov_payment set released = true where book_id = ? and voucher_id = ?", book, voucherId);
        repay(book, paid.get(0)[0], paid.get(0)[1]);
    }

    /**
     * A request's paid total counts its own payment vouchers and those of the contracts its tenders
     * awarded (业标镇管 pays a tendered request only through its contract), released ones left out.
     */
    private void repay(String book, String request, String contract) {
        if (contract != null) {
            jdbc.update("""
                    update gov_contract set paid_fen = (select coalesce(sum(amount_fen), 0) from gov_payment
                        where book_id = ? and contract_id = ? and not released) where book_id = ? and contract_id = ?""",
                    book, contract, book, contract);
            request = jdbc.query("""
                    select t.request_id from gov_contract c
                    join gov_tender t on t.book_id = c.book_id and t.tender_id = c.tender_id
                    where c.book_id = ? and c.contract_id = ?""", (rs, n) -> rs.getString(1), book, contract)
                    .stream().filter(Objects::nonNull).findFirst().orElse(null);
        }
        if (request != null) {
            jdbc.update("update gov_request set paid_fen = (select coalesce(sum(amount_fen), 0) from gov_payment where "
                    + GovernanceQueries.PAYMENTS_OF_REQUEST + " and not released) where book_id = ? and request_id = ?",
                    book, request, book, request, book, request);
        }
    }

    static String payeeKey(JsonNode payee) {
        return "PERSON".equals(payee.path("type").asText()) ? "PERSON:" + payee.path("commitment").asText()
                : "COMPANY:" + payee.path("name").asText().strip();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static long fen(JsonNode amount) {
        return Money.parse(amount.asText()).fen();
    }

    private static Date date(LocalDate date) {
        return Date.valueOf(date);
    }
}
