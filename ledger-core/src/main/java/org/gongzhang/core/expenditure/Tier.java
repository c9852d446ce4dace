package org.gongzhang.core.expenditure;

import java.util.List;
import org.gongzhang.core.money.Money;

/**
 * 审批层级: requests up to an amount take these steps, and these levels are told of them.
 *
 * @param upTo     the largest amount of the tier, inclusive; null for the last, unbounded tier
 * @param steps    the approval path, in order
 * @param notified the levels told of each request of the tier (报备), possibly none
 * @param citation the rule's legal or local source
 */
public record Tier(Money upTo, List<ApprovalStep> steps, List<Oversight> notified, String citation) {

    public Tier {
        steps = List.copyOf(steps);
        notified = List.copyOf(notified);
    }

    /** True when a request of {@code amount} falls in this tier (or below it). */
    public boolean covers(Money amount) {
        return upTo == null || amount.compareTo(upTo) <= 0;
    }
}
