package org.gongzhang.core.book;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongzhang.core.book.api.payload.RulesetAdopted;
import org.gongzhang.core.expenditure.SpendingRuleSet;

/**
 * How other modules reach the book aggregate, which is package-private: register
 * {@link #aggregateType()} with Axon (e.g. {@code configurer.configureAggregate(Books.aggregateType())}
 * in a {@code ConfigurerModule}, or {@code AggregateConfigurer.defaultConfiguration(Books.aggregateType())}
 * to add a snapshot trigger), make a {@link java.time.Clock} resolvable as a handler parameter (a
 * Spring bean is enough), and send {@link org.gongzhang.core.book.api.OpenBookCommand} and
 * {@link org.gongzhang.core.book.api.AppendEntryCommand} through the command gateway.
 */
public final class Books {

    private Books() {
    }

    /** The event-sourced aggregate class of a book (账套); one event stream per book id. */
    public static Class<?> aggregateType() {
        return Book.class;
    }

    /**
     * Judges a {@code ruleset.adopted} payload by every rule a book applies to it except the
     * version, which depends on the book — so that the same rules can be known good before they
     * are adopted in several books. Throws the refusal a book would give (same code, same
     * {@code entry.payload.…} field); writes nothing.
     */
    public static SpendingRuleSet checkRuleSet(JsonNode payload) {
        SpendingRuleSet rules = RulesetAdopted.from(payload).rules();
        RuleSetRules.wellFormed(rules);
        return rules;
    }
}
