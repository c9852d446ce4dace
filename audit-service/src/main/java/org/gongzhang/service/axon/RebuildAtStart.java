package org.gongzhang.service.axon;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code ledger.read-model.rebuild=true}: the service rebuilds the reporting read model once it has
 * started ({@link ReportingRebuild}), before the demo (if any) is loaded; for an operator after a fix
 * to the projection, or with a read model lost or in doubt. Every other node sharing the database
 * must be stopped meanwhile. Reports answer meanwhile as they do while the read model is behind.
 */
@Component
@ConditionalOnProperty(name = "ledger.read-model.rebuild", havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE)
class RebuildAtStart implements ApplicationRunner {

    private final ReportingRebuild rebuild;

    RebuildAtStart(ReportingRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Override
    public void run(ApplicationArguments args) {
        rebuild.rebuild();
    }
}
