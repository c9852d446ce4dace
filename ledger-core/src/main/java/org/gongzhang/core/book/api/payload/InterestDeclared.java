package org.gongzhang.core.book.api.payload;

import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code interest.declared}: 利益申报, the signer declares an interest in a payee (a relative, a
 * shareholding …) and from then on cannot approve a request paying them.
 *
 * @param payee    the payee, as a request names it
 * @param relation the interest, e.g. 近亲属
 */
public record InterestDeclared(Payee payee, String relation) {

    public static InterestDeclared from(SignedEntry entry) {
        PayloadReader p = PayloadReader.of(entry);
        return new InterestDeclared(Payee.read(p, "payee"), p.string("relation"));
    }
}
