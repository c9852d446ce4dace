package org.gongzhang.service.witness;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The independent witnesses this deployment pushes checkpoints to, {@code ledger.witnesses[i].url}
 * and {@code ledger.witnesses[i].key} (the witness's cosigner key {@code name+hash+base64}, as
 * {@code ./ledger witness init} prints it), and how pushing behaves, {@code ledger.witness-push.*}.
 *
 * @param witnesses   the witnesses; none by default
 * @param witnessPush timeout of one request and the interval at which unfinished pushes are retried
 */
@ConfigurationProperties("ledger")
record WitnessProperties(List<Endpoint> witnesses, @DefaultValue WitnessPush witnessPush) {

    WitnessProperties {
        witnesses = witnesses == null ? List.of() : List.copyOf(witnesses);
    }

    /**
     * One witness.
     *
     * @param url its submission prefix, e.g. {@code http://127.0.0.1:8091}
     * @param key its cosigner verifier key
     */
    record Endpoint(URI url, String key) {
    }

    /**
     * @param timeout       the longest one add-checkpoint request may take
     * @param retryInterval how often every book's latest checkpoint is offered again to witnesses that lack it
     */
    record WitnessPush(@DefaultValue("5s") Duration timeout, @DefaultValue("10s") Duration retryInterval) {
    }
}
