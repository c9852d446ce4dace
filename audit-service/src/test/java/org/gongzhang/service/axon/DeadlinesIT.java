package org.gongzhang.service.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.modelling.saga.SagaScopeDescriptor;
import org.gongzhang.service.support.ServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Deadlines are kept in PostgreSQL (db-scheduler), not in memory: a scheduled one is a row until cancelled. */
class DeadlinesIT extends ServiceIT {

    @Autowired
    DeadlineManager deadlines;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDeadlineIsARowInTheDatabaseUntilCancelled() {
        assertThat(deadlines).isInstanceOf(DbSchedulerDeadlineManager.class);
        long before = rows();
        SagaScopeDescriptor scope = new SagaScopeDescriptor("NoSuchSaga", "deadlines-it");
        String id = deadlines.schedule(Instant.now().plus(30, ChronoUnit.DAYS), "deadlines-it", null, scope);
        assertThat(rows()).isEqualTo(before + 1);
        deadlines.cancelSchedule("deadlines-it", id);
        assertThat(rows()).isEqualTo(before);
    }

    private long rows() {
        return jdbc.queryForObject("select count(*) from scheduled_tasks", Long.class);
    }
}
