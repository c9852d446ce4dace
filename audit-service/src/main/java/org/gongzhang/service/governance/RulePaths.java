package org.gongzhang.service.governance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.gongzhang.core.money.Money;

/**
 * The approval paths a stored {@code ruleset.adopted} payload gives, as the book derives them
 * (DOMAIN §4): the major-matter path or the amount's tier for a new request, one committee step
 * for an increase below the overrun percentage.
 */
record RulePaths(JsonNode rules) {

    List<String> path(long amountFen, String matter) {
        if ("MAJOR".equals(matter)) {
            return steps(rules.path("majorMatterSteps"));
        }
        for (JsonNode tier : rules.path("tiers")) {
            JsonNode upTo = tier.get("upTo");
            if (upTo == null || upTo.isNull() || amountFen <= Money.parse(upTo.asText()).fen()) {
                return steps(tier.path("steps"));
            }
        }
        throw new IllegalStateException("rule set without an unbounded tier");
    }

    List<String> increasePath(long approvedFen, long increasedFen, String matter) {
        int overrun = rules.path("overrunPercent").asInt();
        boolean within = Math.multiplyExact(increasedFen, 100L) < Math.multiplyExact(approvedFen, 100L + overrun);
        return within ? List.of("COMMITTEE") : path(increasedFen, matter);
    }

    boolean tenderRequired(long amountFen) {
        return amountFen >= Money.parse(rules.path("tenderThreshold").asText()).fen();
    }

    private static List<String> steps(JsonNode array) {
        List<String> steps = new ArrayList<>();
        array.forEach(s -> steps.add(s.asText()));
        return steps;
    }
}
