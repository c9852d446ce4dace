package org.gongzhang.service.witness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongzhang.service.log.SplitViews;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code witnesses}: DOWN once any witness refused a checkpoint
 * as a split view (分叉视图), listing each refusal; otherwise UP, with each witness's latest exchange
 * (an unreachable witness is a detail, not an outage: pushes are retried).
 */
@Component("witnessesHealthIndicator")
class WitnessHealth implements HealthIndicator {

    private final Witnesses witnesses;
    private final SplitViews splitViews;

    WitnessHealth(Witnesses witnesses, SplitViews splitViews) {
        this.witnesses = witnesses;
        this.splitViews = splitViews;
    }

    @Override
    public Health health() {
        List<SplitViews.Refusal> refusals = splitViews.all();
        Health.Builder health = refusals.isEmpty() ? Health.up() : Health.down();
        health.withDetail("witnesses", witnesses.all().stream().map(this::detail).toList());
        if (!refusals.isEmpty()) {
            health.withDetail("splitViews", refusals.stream().map(r -> Map.of("book", r.book(), "witness", r.witness(),
                    "size", r.size(), "status", r.status(), "answer", r.answer().strip(), "at", r.at().toString())).toList());
        }
        return health.build();
    }

    private Map<String, Object> detail(IndependentWitness witness) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("name", witness.name());
        detail.put("url", witness.url().toString());
        witnesses.outcome(witness).ifPresent(o -> {
            detail.put("latest", o.book() + " at size " + o.size() + (o.ok() ? " cosigned" : " not cosigned"));
            detail.put("at", o.at().toString());
            o.problem().ifPresent(p -> detail.put("problem", p));
        });
        return detail;
    }
}
