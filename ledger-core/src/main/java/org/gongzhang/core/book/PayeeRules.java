package org.gongzhang.core.book;

import static org.gongzhang.core.book.api.RefusalCode.PAYEE_COMMITMENT_INVALID;
import static org.gongzhang.core.book.api.RefusalCode.PAYEE_NAME_BLANK;

import java.util.regex.Pattern;
import org.gongzhang.core.book.api.payload.Payee;

/** A payee is a named company, or a person cited only by a SHA-256 commitment (lowercase hex). */
final class PayeeRules {

    static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    private PayeeRules() {
    }

    static void check(Payee payee, String field) {
        if (payee.type() == Payee.Type.COMPANY) {
            Require.nonBlank(payee.name(), PAYEE_NAME_BLANK, field + ".name");
        } else if (!HEX64.matcher(payee.commitment()).matches()) {
            throw PAYEE_COMMITMENT_INVALID.at(field + ".commitment");
        }
    }
}
