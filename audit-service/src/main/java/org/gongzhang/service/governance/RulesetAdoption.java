package org.gongzhang.service.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.regex.Pattern;
import org.gongzhang.core.book.Books;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.expenditure.SpendingRules;
import org.gongzhang.service.custody.CustodialKeys;
import org.gongzhang.service.custody.CustodialSigner;
import org.gongzhang.service.security.Acting;
import org.gongzhang.service.signing.Signing;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A town's own spending rule set (DOMAIN §4: every value a configurable default), adopted as the
 * next version of its id in one book or in every book of a street. New requests of a book are
 * raised under the rule set it adopted last. Books are separate logs, so a street's adoption cannot
 * be atomic: the rules are judged once without a book first — by the book's own rules, all books
 * refused alike when they do not stand — then adopted book by book, each answering its version or
 * its own refusal (a key not registered there, a race lost three times) or failure (a log it
 * cannot load).
 */
@Component
class RulesetAdoption {

    private static final Logger log = LoggerFactory.getLogger(RulesetAdoption.class);

    /** A book that failed other than by the book's refusal (e.g. a log it cannot load): the others go on. */
    private static final String FAILED = "governance.ruleset.book-failed";

    /** A rule set id: the entry's id form, at most as long as the index keeps it. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    /** What a body may hold: a {@code ruleset.adopted} payload but its id and version. */
    private static final List<String> FIELDS = List.of("tiers", "majorMatterSteps", "tenderThreshold", "worksAuditThreshold",
            "overrunPercent", "reviewWorkingDays", "citations");

    /** One book's outcome: the version adopted, or why its book refused. */
    record BookOutcome(String book, Integer version, Long adoptedIndex, Refused refused) {
    }

    /** A book's refusal as problem+json would state it. */
    record Refused(String code, String field, String detail) {
    }

    record StreetAdoption(String street, String ruleset, List<BookOutcome> books) {
    }

    private final GovernanceQueries queries;
    private final CustodialKeys keys;
    private final CustodialSigner signer;
    private final Signing signing;
    private final MessageSource messages;

    RulesetAdoption(GovernanceQueries queries, CustodialKeys keys, CustodialSigner signer, Signing signing, MessageSource messages) {
        this.queries = queries;
        this.keys = keys;
        this.signer = signer;
        this.signing = signing;
        this.messages = messages;
    }

    /** Adopts {@code rules} in the officer's book as the next version of {@code ruleset}; the book judges them. */
    GovernanceQueries.Ruleset adopt(Acting officer, String ruleset, ObjectNode rules) {
        String book = officer.book().book();
        for (int attempt = 1; ; attempt++) {
            int version = queries.lastVersion(book, ruleset) + 1;
            ObjectNode payload = payload(ruleset, version, rules);
            Optional<GovernanceQueries.Ruleset> same = queries.sameAsLast(book, ruleset, payload);
            if (same.isPresent()) {
                return same.get(); // adopting the rules in force again changes nothing
            }
            try {
                signing.submit(officer, "ruleset.adopted", signer.today(), payload);
                return queries.ruleset(book, ruleset, version).orElseThrow();
            } catch (LedgerRefusal refusal) {
                if (attempt >= Governance.ATTEMPTS || !Governance.raced(refusal)) {
                    throw refusal;
                }
            }
        }
    }

    /**
     * Adopts {@code rules} in each book the officers act on (one {@link Acting} per book of the
     * street), after judging them once: rules that do not stand are refused before any book is written.
     */
    StreetAdoption adoptInStreet(String street, List<Acting> officers, String ruleset, ObjectNode rules,
            Locale locale) {
        Books.checkRuleSet(payload(ruleset, 1, rules));
        List<BookOutcome> outcomes = new ArrayList<>();
        for (Acting officer : officers) {
            try {
                GovernanceQueries.Ruleset adopted = adopt(officer, ruleset, rules);
                outcomes.add(new BookOutcome(adopted.book(), adopted.version(), adopted.adoptedIndex(), null));
            } catch (LedgerRefusal refusal) {
                outcomes.add(new BookOutcome(officer.book().book(), null, null, new Refused(refusal.code(),
                        refusal.field(), messages.getMessage(refusal.code(), refusal.args(), refusal.code(), locale))));
            } catch (RuntimeException e) {
                log.warn("Rule set {} not adopted in book {}", ruleset, officer.book().book(), e);
                outcomes.add(new BookOutcome(officer.book().book(), null, null, new Refused(FAILED, null,
                        messages.getMessage(FAILED, new Object[] {e.getClass().getSimpleName()}, locale))));
            }
        }
        return new StreetAdoption(street, ruleset, outcomes);
    }

    /**
     * The {@code ruleset.adopted} payload of a body; refused: an id of the wrong form, the id of the
     * DOMAIN §4 defaults (only ever those rules), a field the payload cannot hold.
     */
    private static ObjectNode payload(String ruleset, int version, ObjectNode rules) {
        if (!ID.matcher(ruleset).matches()) {
            throw LedgerRefusal.invalid("ruleset.id.invalid", "ruleset", ruleset);
        }
        if (SpendingRules.DEFAULT_ID.equals(ruleset)) {
            throw LedgerRefusal.invalid("governance.ruleset.default-reserved", "ruleset");
        }
        ObjectNode payload = CanonicalJson.mapper().createObjectNode().put("ruleset", ruleset).put("version", version);
        for (Iterator<String> names = rules.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw LedgerRefusal.invalid("governance.ruleset.field.unknown", name, name);
            }
        }
        for (String field : FIELDS) {
            JsonNode value = rules.get(field);
            if (value != null) {
                payload.set(field, value.deepCopy());
            }
        }
        return payload;
    }
}
