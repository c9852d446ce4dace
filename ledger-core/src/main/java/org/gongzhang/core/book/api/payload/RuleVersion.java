package org.gongzhang.core.book.api.payload;

import org.gongzhang.core.book.api.RefusalCode;

/**
 * The rule set version an entry on a request says it applied ({@code "ruleset"},
 * {@code "rulesetVersion"}): always the one the request was raised under.
 *
 * @param ruleset the rule set id
 * @param version its version
 */
public record RuleVersion(String ruleset, int version) {

    static RuleVersion read(PayloadReader p) {
        return new RuleVersion(p.id("ruleset", RefusalCode.RULESET_ID_INVALID), p.integer("rulesetVersion"));
    }
}
