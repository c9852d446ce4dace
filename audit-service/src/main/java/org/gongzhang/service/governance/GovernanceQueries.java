package org.gongzhang.service.governance;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gongzhang.core.money.Money;
import org.gongzhang.service.entry.StoredEntries;
import org.gongzhang.verifier.entry.SignedEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reading the governance index. Everything here is public: a private payee is shown as
 * {@link GovernanceIndex#PERSON_PAYEE}, never by name. Amounts are yuan strings of integer 分.
 */
@Component
public class GovernanceQueries {

    public record Ruleset(String book, String ruleset, int version, long adoptedIndex, String adoptedBy,
            LocalDate adoptedAt, @JsonRawValue String rules) {
    }

    public record RequestView(String book, String requestId, String status, String amount, String approvedAmount,
            String paid, String purpose, String account, String payeeType, String payee, String matter, boolean works,
            boolean tenderRequired, String ruleset, int rulesetVersion, List<String> path, String pendingStep,
            LocalDate pendingSince, String escalatedTo, String requester, long raisedIndex, LocalDate raisedAt) {
    }

    public record Step(long entryIndex, String kind, String step, String actor, LocalDate businessDate, String amount,
            String note) {
    }

    public record RequestDetail(RequestView request, List<Step> history, List<Payment> payments) {
    }

    public record Payment(String book, String voucherId, String requestId, String contractId, String amount,
            LocalDate date, long entryIndex, boolean released) {
    }

    public record Interest(String book, long entryIndex, String actor, String payeeType, String payee,
            String relation, LocalDate declaredAt) {
    }

    public record Decision(String book, String decisionId, String matter, String subject, String requestId,
            String result, @JsonRawValue String tally, String rollSha256, long recordedIndex, LocalDate recordedAt) {
    }

    public record TenderView(String book, String tenderId, String requestId, String title, String description,
            String budget, boolean works, String stage, LocalDate noticeFrom, LocalDate noticeUntil,
            LocalDate bidOpening, int bids, String awardedBid, String awardedAmount, LocalDate awardNoticeFrom,
            LocalDate awardNoticeUntil, String contractId, long publishedIndex, LocalDate publishedAt) {
    }

    public record Bid(String bidId, String bidder, String creditCode, String amount, Integer rank) {
    }

    public record TenderDetail(TenderView tender, List<Bid> bids, ContractView contract) {
    }

    public record ContractView(String book, String contractId, String tenderId, String supplierName,
            String creditCode, String amount, String paid, String status, LocalDate signedAt, LocalDate acceptedAt,
            String finalAmount, long signedIndex) {
    }

    public record ContractDetail(ContractView contract, List<Payment> payments) {
    }

    /**
     * One signed step of a tender or of the contract it awarded, as its entry says: what
     * ({@code tender.opened}, {@code contract.accepted} …), who and in which role, on which business date.
     */
    public record TenderStep(long entryIndex, String kind, String actor, String role, LocalDate businessDate) {
    }

    private static final List<String> TENDER_KINDS = List.of("tender.published", "tender.bid-received",
            "tender.opened", "tender.evaluated", "tender.awarded", "tender.award-noticed", "contract.signed",
            "contract.accepted", "contract.final-account");

    private static final String REQUEST = """
            select book_id, request_id, status, amount_fen, approved_fen, paid_fen, purpose, account, payee_type,
                payee_name, matter, works, tender_required, ruleset, ruleset_version, path, pending_step, pending_since,
                escalated_to, requester, raised_index, raised_at from gov_request""";
    private static final String PAYMENT = """
            select book_id, voucher_id, request_id, contract_id, amount_fen, voucher_date, entry_index, released
            from gov_payment""";
    /**
     * The {@code gov_payment} rows of a request: its own payment vouchers and those of the contracts
     * its tenders awarded (a tendered request is paid only through its contract). Binds book,
     * request, book, request.
     */
    static final String PAYMENTS_OF_REQUEST = """
            book_id = ? and (request_id = ? or contract_id in (select c.contract_id from gov_contract c
                join gov_tender t on t.book_id = c.book_id and t.tender_id = c.tender_id
                where c.book_id = ? and t.request_id = ?))""";
    private static final String TENDER = """
            select book_id, tender_id, request_id, title, description, budget_fen, works, stage, notice_from, notice_until,
                bid_opening, bids, awarded_bid, awarded_amount_fen, award_notice_from, award_notice_until, contract_id,
                published_index, published_at from gov_tender""";
    private static final String CONTRACT = """
            select book_id, contract_id, tender_id, supplier_name, credit_code, amount_fen, paid_fen, status, signed_at,
                accepted_at, final_amount_fen, signed_index from gov_contract""";

    private final JdbcTemplate jdbc;
    private final StoredEntries entries;

    GovernanceQueries(JdbcTemplate jdbc, StoredEntries entries) {
        this.jdbc = jdbc;
        this.entries = entries;
    }

    public int lastVersion(String book, String ruleset) {
        Integer version = jdbc.queryForObject("select max(version) from gov_ruleset where book_id = ? and ruleset = ?",
                Integer.class, book, ruleset);
        return version == null ? 0 : version;
    }

    /**
     * The rule set in force in {@code book} (the one adopted last, which new requests follow), if it
     * is {@code ruleset} with exactly the rules of {@code payload} (the version aside): adopting it
     * again would add a version that changes nothing.
     */
    public Optional<Ruleset> sameAsLast(String book, String ruleset, com.fasterxml.jackson.databind.node.ObjectNode payload) {
        return jdbc.query("""
                select book_id, ruleset, version, adopted_index, adopted_by, adopted_at, payload from gov_ruleset
                where book_id = ? order by adopted_index desc limit 1""", GovernanceQueries::ruleset, book)
                .stream().findFirst().filter(last -> last.ruleset().equals(ruleset)).filter(last -> {
            try {
                com.fasterxml.jackson.databind.node.ObjectNode stored = (com.fasterxml.jackson.databind.node.ObjectNode)
                        org.gongzhang.verifier.canonical.CanonicalJson.mapper().readTree(last.rules());
                com.fasterxml.jackson.databind.node.ObjectNode asked = (com.fasterxml.jackson.databind.node.ObjectNode)
                        org.gongzhang.verifier.canonical.CanonicalJson.mapper().readTree(payload.toString());
                stored.remove(List.of("ruleset", "version"));
                asked.remove(List.of("ruleset", "version"));
                return stored.equals(asked);
            } catch (com.fasterxml.jackson.core.JsonProcessingException | ClassCastException e) {
                return false;
            }
        });
    }

    public Optional<Ruleset> ruleset(String book, String ruleset, int version) {
        return jdbc.query("""
                select book_id, ruleset, version, adopted_index, adopted_by, adopted_at, payload from gov_ruleset
                where book_id = ? and ruleset = ? and version = ?""", GovernanceQueries::ruleset, book, ruleset, version)
                .stream().findFirst();
    }

    public List<Ruleset> rulesets(String book) {
        return jdbc.query("""
                select book_id, ruleset, version, adopted_index, adopted_by, adopted_at, payload from gov_ruleset
                where book_id = ? order by adopted_index""", GovernanceQueries::ruleset, book);
    }

    public Optional<RequestView> request(String book, String requestId) {
        return jdbc.query(REQUEST + " where book_id = ? and request_id = ?", GovernanceQueries::request, book, requestId)
                .stream().findFirst();
    }

    public List<RequestView> requests(String book, String status) {
        return status == null
                ? jdbc.query(REQUEST + " where book_id = ? order by raised_index", GovernanceQueries::request, book)
                : jdbc.query(REQUEST + " where book_id = ? and status = ? order by raised_index", GovernanceQueries::request,
                        book, status);
    }

    public Optional<RequestDetail> requestDetail(String book, String requestId) {
        return request(book, requestId).map(r -> new RequestDetail(r, jdbc.query("""
                select entry_index, kind, step, actor, business_date, amount_fen, note from gov_request_step
                where book_id = ? and request_id = ? order by entry_index""",
                (rs, n) -> new Step(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), money(rs, 6), rs.getString(7)), book, requestId),
                jdbc.query(PAYMENT + " where " + PAYMENTS_OF_REQUEST + " order by entry_index",
                        GovernanceQueries::payment, book, requestId, book, requestId)));
    }

    public Optional<Payment> payment(String book, String voucherId) {
        return jdbc.query(PAYMENT + " where book_id = ? and voucher_id = ?", GovernanceQueries::payment, book, voucherId)
                .stream().findFirst();
    }

    public Optional<Interest> interest(String book, long index) {
        return interests(book, " and entry_index = " + index).stream().findFirst();
    }

    public List<Interest> interests(String book) {
        return interests(book, "");
    }

    private List<Interest> interests(String book, String and) {
        return jdbc.query("""
                select book_id, entry_index, actor, payee_type, payee_name, relation, declared_at from gov_interest
                where book_id = ?""" + and + " order by entry_index",
                (rs, n) -> new Interest(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class)), book);
    }

    public Optional<Decision> decision(String book, String decisionId) {
        return decisions(book, decisionId).stream().findFirst();
    }

    public List<Decision> decisions(String book) {
        return decisions(book, null);
    }

    private List<Decision> decisions(String book, String decisionId) {
        return jdbc.query("""
                select book_id, decision_id, matter, subject, request_id, result, tally, roll_sha256, recorded_index,
                    recorded_at from gov_decision where book_id = ? and (cast(? as varchar) is null or decision_id = ?)
                order by recorded_index""",
                (rs, n) -> new Decision(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9),
                        rs.getObject(10, LocalDate.class)), book, decisionId, decisionId);
    }

    public List<TenderView> tenders(String book) {
        return jdbc.query(TENDER + " where book_id = ? order by published_index", GovernanceQueries::tender, book);
    }

    /** The tenders of {@code books} in any of {@code stages}, in one query, by book and then as {@link #tenders(String)} orders them. */
    public List<TenderView> tenders(Collection<String> books, Collection<String> stages) {
        return jdbc.query(TENDER + " where book_id = any (?) and stage = any (?) order by book_id, published_index",
                GovernanceQueries::tender, books.toArray(String[]::new), stages.toArray(String[]::new));
    }

    public Optional<TenderView> tender(String book, String tenderId) {
        return jdbc.query(TENDER + " where book_id = ? and tender_id = ?", GovernanceQueries::tender, book, tenderId)
                .stream().findFirst();
    }

    public Optional<TenderDetail> tenderDetail(String book, String tenderId) {
        return tender(book, tenderId).map(t -> new TenderDetail(t, jdbc.query("""
                select bid_id, bidder_name, credit_code, amount_fen, rank from gov_bid
                where book_id = ? and tender_id = ? order by bid_id""",
                (rs, n) -> new Bid(rs.getString(1), rs.getString(2), rs.getString(3), money(rs, 4),
                        (Integer) rs.getObject(5)), book, tenderId),
                t.contractId() == null ? null : contract(book, t.contractId()).orElse(null)));
    }

    /** The tender's steps and its contract's, in log order (read from the signed entries themselves). */
    public List<TenderStep> tenderSteps(String book, TenderView tender) {
        return entries.ofKinds(book, TENDER_KINDS).stream().map(StoredEntries.Stored::entry)
                .filter(Objects::nonNull).map(SignedEntry::header)
                .filter(h -> tender.tenderId().equals(h.payload().path("tenderId").asText(null))
                        || tender.contractId() != null
                        && tender.contractId().equals(h.payload().path("contractId").asText(null)))
                .map(h -> new TenderStep(h.index(), h.kind(), h.actor(), h.role().name(), h.businessDate()))
                .toList();
    }

    public Optional<ContractView> contract(String book, String contractId) {
        return jdbc.query(CONTRACT + " where book_id = ? and contract_id = ?", GovernanceQueries::contract, book,
                contractId).stream().findFirst();
    }

    public Optional<ContractDetail> contractDetail(String book, String contractId) {
        return contract(book, contractId).map(c -> new ContractDetail(c, jdbc.query(
                PAYMENT + " where book_id = ? and contract_id = ? order by entry_index", GovernanceQueries::payment, book,
                contractId)));
    }

    private static Ruleset ruleset(ResultSet rs, int n) throws SQLException {
        return new Ruleset(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getString(5),
                rs.getObject(6, LocalDate.class), rs.getString(7));
    }

    private static RequestView request(ResultSet rs, int n) throws SQLException {
        return new RequestView(rs.getString(1), rs.getString(2), rs.getString(3), money(rs, 4), money(rs, 5),
                money(rs, 6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getBoolean(12), rs.getBoolean(13), rs.getString(14), rs.getInt(15), List.of(rs.getString(16).split(",")),
                rs.getString(17), rs.getObject(18, LocalDate.class), rs.getString(19), rs.getString(20), rs.getLong(21),
                rs.getObject(22, LocalDate.class));
    }

    private static Payment payment(ResultSet rs, int n) throws SQLException {
        return new Payment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), money(rs, 5),
                rs.getObject(6, LocalDate.class), rs.getLong(7), rs.getBoolean(8));
    }

    private static TenderView tender(ResultSet rs, int n) throws SQLException {
        return new TenderView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                money(rs, 6), rs.getBoolean(7), rs.getString(8), rs.getObject(9, LocalDate.class),
                rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class), rs.getInt(12), rs.getString(13),
                money(rs, 14), rs.getObject(15, LocalDate.class), rs.getObject(16, LocalDate.class), rs.getString(17),
                rs.getLong(18), rs.getObject(19, LocalDate.class));
    }

    private static ContractView contract(ResultSet rs, int n) throws SQLException {
        return new ContractView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                money(rs, 6), money(rs, 7), rs.getString(8), rs.getObject(9, LocalDate.class),
                rs.getObject(10, LocalDate.class), money(rs, 11), rs.getLong(12));
    }

    private static String money(ResultSet rs, int column) throws SQLException {
        long fen = rs.getLong(column);
        return rs.wasNull() ? null : Money.ofFen(fen).format();
    }
}
