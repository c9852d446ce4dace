package org.gongzhang.service.log;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.gongzhang.core.book.api.PeriodClosedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Signs a checkpoint over the log up to and including every period close (结账), so each closed
 * period rests on a checkpoint whose size is the close entry's index + 1, whenever the processor runs.
 */
@Component
@ProcessingGroup("checkpoints")
class PeriodCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(PeriodCheckpoints.class);

    private final BookAudit audit;

    PeriodCheckpoints(BookAudit audit) {
        this.audit = audit;
    }

    @EventHandler
    void on(PeriodClosedEvent event) {
        try {
            audit.checkpoint(event.header().book(), event.header().index() + 1);
        } catch (Checkpoints.InconsistentLog | SplitViews.SplitViewDetected e) {
            log.error("Refusing to sign a checkpoint: {}", e.getMessage());
        }
    }
}
