package org.gongzhang.service.disclosure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.service.custody.CustodialKeys;
import org.gongzhang.service.custody.CustodialSigner;
import org.gongzhang.service.security.Acting;
import org.gongzhang.service.signing.SignatureRequired;
import org.gongzhang.service.signing.Signing;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.entry.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 异议: an owner objects during the posting period; the committee or agent accepts and answers
 * within the deadline; the community auditor reviews; an unanswered objection escalates to the
 * community when its answer date has passed. The entry carries only salted commitments to who
 * objected and what they wrote (个人信息保护法 §25); the plaintext and salts stay in
 * {@code objection_private}, shown to the objecting owner and the staff of the book only.
 */
@Component
public class Objections {

    /** An objection as the public sees it: no owner, no text. */
    public record Objection(String objectionId, String book, String statementId, String status, long raisedIndex,
            LocalDate raisedAt, LocalDate answerBy, String answer, LocalDate answeredAt, String outcome,
            String reviewNote, LocalDate escalatedAt) {
    }

    /** The private part: who objected and what they wrote, with the salts that open the commitments. */
    public record Private(String username, String ownerSalt, String text, String textSalt) {
    }

    /** The service's own clerk, who signs only what a deadline decides. */
    public static final String CLERK = "service:clerk";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TEXT = 2000;

    private final JdbcTemplate jdbc;
    private final StatementVersions statements;
    private final CustodialKeys keys;
    private final CustodialSigner signer;
    private final Signing signing;
    private final int answerDays;
    private final SecureRandom random = new SecureRandom();

    Objections(JdbcTemplate jdbc, StatementVersions statements, CustodialKeys keys, CustodialSigner signer, Signing signing,
            @Value("${ledger.disclosure.answer-days:5}") int answerDays) {
        this.jdbc = jdbc;
        this.statements = statements;
        this.keys = keys;
        this.signer = signer;
        this.signing = signing;
        this.answerDays = answerDays;
    }

    /** 提交: the logged-in owner objects to a published statement in its posting period. */
    @Transactional(noRollbackFor = SignatureRequired.class)
    public Objection raise(Acting owner, String statementId, String text) {
        String book = owner.book().book();
        StatementVersion statement = statements.find(book, statementId).orElseThrow(() ->
                new LedgerRefusal(Kind.NOT_FOUND, "statement.not-found", "statementId", statementId));
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw LedgerRefusal.invalid("objection.text.invalid", "text", MAX_TEXT);
        }
        String objectionId = UUID.randomUUID().toString();
        String ownerSalt = salt();
        String textSalt = salt();
        LocalDate today = signer.today();
        ObjectNode payload = JSON.createObjectNode().put("objectionId", objectionId).put("statementId", statement.statementId())
                .put("owner", commitment(ownerSalt, owner.caller().username()))
                .put("text", commitment(textSalt, text))
                .put("answerBy", today.plusDays(answerDays).toString());
        jdbc.update("insert into objection_private (objection_id, username, owner_salt, text, text_salt) values (?, ?, ?, ?, ?)",
                objectionId, owner.caller().username(), ownerSalt, text, textSalt);
        signing.submit(owner, "objection.raised", today, payload);
        return find(book, objectionId).orElseThrow();
    }

    /** 受理. */
    public Objection accept(Acting staff, String objectionId) {
        return step(staff, objectionId, "objection.accepted", JSON.createObjectNode());
    }

    /** 答复: the answer is public. */
    public Objection answer(Acting staff, String objectionId, String answer) {
        return step(staff, objectionId, "objection.answered", JSON.createObjectNode().put("answer", answer == null ? "" : answer));
    }

    /** 复核 by the community auditor. */
    public Objection review(Acting auditor, String objectionId, String outcome, String note) {
        return step(auditor, objectionId, "objection.reviewed",
                JSON.createObjectNode().put("outcome", outcome).put("note", note == null ? "" : note));
    }

    /** 升级: signed by the service's clerk when the answer date has passed unanswered. */
    public void escalate(String book, String objectionId) {
        Optional<Objection> objection = find(book, objectionId);
        if (objection.isEmpty() || !List.of("SUBMITTED", "ACCEPTED").contains(objection.get().status())) {
            return;
        }
        ObjectNode payload = JSON.createObjectNode().put("objectionId", objectionId).put("reason", "DEADLINE");
        signer.submit(keys.forActor(CLERK, Role.SERVICE), book, "objection.escalated", signer.today(), payload);
    }

    public Optional<Objection> find(String book, String objectionId) {
        return jdbc.query(SELECT + " where book_id = ? and objection_id = ?", Objections::row, book, objectionId)
                .stream().findFirst();
    }

    public List<Objection> of(String book, String statementId) {
        return jdbc.query(SELECT + " where book_id = ? and statement_id = ? order by raised_index", Objections::row,
                book, statementId);
    }

    /**
     * The objections of {@code books} still waiting for someone (提交, 受理, 已答复, 已上报) in one
     * query, grouped by statement, each statement's in {@link #of}'s order.
     */
    public Map<String, List<Objection>> waiting(Collection<String> books) {
        Map<String, List<Objection>> byStatement = new HashMap<>();
        jdbc.query(SELECT + " where book_id = any (?) and status in ('SUBMITTED', 'ACCEPTED', 'ANSWERED', 'ESCALATED')"
                + " order by raised_index", rs -> {
                    Objection objection = row(rs, 0);
                    byStatement.computeIfAbsent(objection.statementId(), s -> new ArrayList<>()).add(objection);
                }, (Object) books.toArray(String[]::new));
        return byStatement;
    }

    /** Overdue and still unanswered on {@code today}: what the escalation sweep and the saga act on. */
    public List<Objection> unansweredAfter(LocalDate today) {
        return jdbc.query(SELECT + " where status in ('SUBMITTED', 'ACCEPTED') and answer_by < ? order by raised_index",
                Objections::row, Date.valueOf(today));
    }

    public Optional<Private> privatePart(String objectionId) {
        return jdbc.query("select username, owner_salt, text, text_salt from objection_private where objection_id = ?",
                (rs, n) -> new Private(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), objectionId)
                .stream().findFirst();
    }

    /** SHA-256(salt ‖ value), hex: what the entry carries instead of the value. */
    public static String commitment(String saltHex, String value) {
        byte[] salt = HexFormat.of().parseHex(saltHex);
        byte[] text = value.getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[salt.length + text.length];
        System.arraycopy(salt, 0, both, 0, salt.length);
        System.arraycopy(text, 0, both, salt.length, text.length);
        return Digests.sha256Hex(both);
    }

    private Objection step(Acting acting, String objectionId, String kind, ObjectNode payload) {
        String book = acting.book().book();
        find(book, objectionId).orElseThrow(() ->
                new LedgerRefusal(Kind.NOT_FOUND, "objection.not-found", "objectionId", objectionId));
        ObjectNode full = JSON.createObjectNode().put("objectionId", objectionId);
        full.setAll(payload);
        signing.submit(acting, kind, signer.today(), full);
        return find(book, objectionId).orElseThrow();
    }

    private String salt() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static final String SELECT = """
            select objection_id, book_id, statement_id, status, raised_index, raised_at, answer_by, answer, answered_at,
                   outcome, review_note, escalated_at from objection""";

    private static Objection row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Objection(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                date(rs.getDate(6)), date(rs.getDate(7)), rs.getString(8), date(rs.getDate(9)), rs.getString(10),
                rs.getString(11), date(rs.getDate(12)));
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
