package org.gongzhang.service.governance;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 收款个人: who a request pays, in full, for the book's staff — never in the public index. A
 * private person's name is kept in {@code gov_payee_private} with the salt of that person in the
 * book ({@code gov_person_salt}), so that staff can recompute the commitment the entry carries:
 * {@code commitment = SHA-256(salt ‖ name)}, lowercase hex, the salt taken as the bytes of its hex.
 */
@Component
class PrivatePayees {

    /**
     * A request's payee: a company by name (no salt, no commitment); a person by the commitment of
     * the entry and, when the service raised the request, their name and salt (null when the entry
     * was signed outside the service, which then never learnt the name).
     */
    record Payee(String book, String requestId, String type, String name, String salt, String commitment) {
    }

    private final JdbcTemplate jdbc;

    PrivatePayees(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Payee> of(String book, String requestId) {
        return jdbc.query("""
                select r.payee_type, r.payee_name, r.payee_key, p.name, s.salt from gov_request r
                left join gov_payee_private p on p.book_id = r.book_id and p.request_id = r.request_id
                left join gov_person_salt s on s.book_id = p.book_id and s.name = p.name
                where r.book_id = ? and r.request_id = ?""", (rs, n) -> {
                    boolean person = "PERSON".equals(rs.getString(1));
                    return person
                            ? new Payee(book, requestId, "PERSON", rs.getString(4), rs.getString(5),
                                    rs.getString(3).substring("PERSON:".length()))
                            : new Payee(book, requestId, rs.getString(1), rs.getString(2), null, null);
                }, book, requestId).stream().findFirst();
    }
}
