package org.gongzhang.core.book;

import static org.gongzhang.core.book.api.RefusalCode.INTEREST_RELATION_BLANK;

import org.gongzhang.core.book.api.payload.InterestDeclared;

/** 利益申报: a payee written as a request writes it, and what the interest is. */
final class InterestRules {

    private InterestRules() {
    }

    static void declared(InterestDeclared declared) {
        PayeeRules.check(declared.payee(), "entry.payload.payee");
        Require.nonBlank(declared.relation(), INTEREST_RELATION_BLANK, "entry.payload.relation");
    }
}
