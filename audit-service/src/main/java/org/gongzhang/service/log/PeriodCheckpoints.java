package org.gongzhang.service.log;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.gongzhang.core.book.api.PeriodClosedEvent;
import org.gongzhang.core.book.api.StatementPublishedEvent;
import org.gongzhang.core.book.api.StatementSignedEvent;
import org.gongzhang.verifier.entry.EntryHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Signs a checkpoint over the log up to and including every period close (结账), statement sign-off
 * (会签) and publication (公示), so each rests on a checkpoint whose size is that entry's index + 1,
 * whenever the processor runs — also when the entry was signed in a browser and posted as is.
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
        checkpointThrough(event.header());
    }

    @EventHandler
    void on(StatementSignedEvent event) {
        checkpointThrough(event.header());
    }

    @EventHandler
    void on(StatementPublishedEvent event) {
        checkpointThrough(event.header());
    }

    private void checkpointThrough(EntryHeader entry) {
        try {
            audit.checkpoint(entry.book(), entry.index() + 1);
        } catch (Checkpoints.InconsistentLog | SplitViews.SplitViewDetected e) {
            log.error("Refusing to sign a checkpoint: {}", e.getMessage());
        } catch (BookIntegrityFailed e) {
            log.debug("No checkpoint for a book that failed its integrity check: {}", e.getMessage());
        }
    }
}
