package org.gongzhang.service.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.gongzhang.service.support.MovingClock;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** Batch jobs live in memory: a finished one stays readable for the retention, then is forgotten. */
class StatementBatchesTest {

    @Test
    void aFinishedJobIsReadableForTheRetentionAndForgottenAfterIt() {
        MovingClock clock = new MovingClock(Instant.parse("2026-12-31T08:00:00Z"));
        StatementBatches batches = new StatementBatches(null, new StaticMessageSource(), clock, Duration.ofHours(24));

        StatementBatches.Job job = batches.start("street:beishan", "2026-10", "2026-12", null, List.of(), Locale.CHINA);
        assertThat(job.finished()).as("a job of no compounds is finished at once").isTrue();

        clock.advance(Duration.ofHours(23));
        assertThat(batches.find(job.id())).as("within the retention").isPresent();
        StatementBatches.Job later = batches.start("street:beishan", "2026-10", "2026-12", null, List.of(), Locale.CHINA);

        clock.advance(Duration.ofHours(2));
        assertThat(batches.find(job.id())).as("25 h after it finished").isEmpty();
        assertThat(batches.find(later.id())).as("the job started 2 h ago").isPresent();
    }
}
