package org.gongzhang.core.book;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gongzhang.core.book.api.payload.DecisionRecorded;
import org.gongzhang.core.book.api.payload.InterestDeclared;
import org.gongzhang.core.book.api.payload.RequestRaised;
import org.gongzhang.core.book.api.payload.RuleVersion;
import org.gongzhang.core.expenditure.SpendingRuleSet;
import org.gongzhang.verifier.entry.EntryHeader;

/**
 * 业财社管 state of a book: every version of the spending rule sets it adopted (requests keep the
 * version they were raised under), its expenditure requests, the owners' joint decisions, and who
 * declared an interest in which payee.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
final class Spending {

    private Map<String, SpendingRuleSet> ruleSets = new HashMap<>();
    private Map<String, Integer> latestVersions = new HashMap<>();
    private String current;
    private Map<String, ExpenditureRequest> requests = new HashMap<>();
    private Map<String, DecisionState> decisions = new HashMap<>();
    private Map<String, Set<String>> interests = new HashMap<>();

    /** The latest version adopted of rule set {@code id}; 0 before the first. */
    int latestVersion(String id) {
        return latestVersions.getOrDefault(id, 0);
    }

    /** The rule set adopted last, under which new requests are raised. */
    Optional<SpendingRuleSet> current() {
        return Optional.ofNullable(current).map(ruleSets::get);
    }

    /** The rule set version a request is judged under. */
    SpendingRuleSet rulesOf(ExpenditureRequest request) {
        return ruleSets.get(key(request.rules()));
    }

    Optional<ExpenditureRequest> request(String requestId) {
        return Optional.ofNullable(requests.get(requestId));
    }

    /** The request a voucher was recorded to pay, if any. */
    Optional<ExpenditureRequest> paidBy(String voucherId) {
        return requests.values().stream().filter(r -> r.payments().contains(voucherId)).findFirst();
    }

    Optional<DecisionState> decision(String decisionId) {
        return Optional.ofNullable(decisions.get(decisionId));
    }

    /** True when {@code actor} declared an interest in the payee with this key. */
    boolean interested(String actor, String payeeKey) {
        return interests.getOrDefault(actor, Set.of()).contains(payeeKey);
    }

    void adopt(SpendingRuleSet rules) {
        current = key(new RuleVersion(rules.id(), rules.version()));
        ruleSets.put(current, rules);
        latestVersions.put(rules.id(), rules.version());
    }

    void raise(RequestRaised raised, EntryHeader header) {
        requests.put(raised.requestId(),
                ExpenditureRequest.raised(header.actor(), raised, current().orElseThrow(), header.businessDate()));
    }

    void record(DecisionRecorded decision) {
        decisions.put(decision.decisionId(),
                new DecisionState(decision.tally().matter(), decision.requestId(), decision.tally().passes()));
    }

    void declare(InterestDeclared declared, String actor) {
        interests.computeIfAbsent(actor, a -> new HashSet<>()).add(declared.payee().key());
    }

    private static String key(RuleVersion version) {
        return version.ruleset() + "/" + version.version();
    }
}
