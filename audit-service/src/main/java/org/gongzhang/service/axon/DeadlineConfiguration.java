package org.gongzhang.service.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deadlines (an objection's answer date, a review's working days) are kept in PostgreSQL by
 * db-scheduler, so they survive restarts and fire once across nodes. Axon's auto-configuration
 * contributes the tasks and builds its {@code DbSchedulerDeadlineManager} on this scheduler, and
 * starts it with Axon.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    @Bean(destroyMethod = "stop")
    Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks,
            @Value("${ledger.deadlines.polling-interval:PT10S}") Duration polling) {
        return Scheduler.create(dataSource, tasks)
                .threads(2)
                .pollingInterval(polling)
                .tableName("scheduled_tasks")
                .build();
    }
}
