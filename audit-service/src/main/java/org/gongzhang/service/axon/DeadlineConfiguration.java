package org.gongzhang.service.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deadlines (an objection's answer date, a review's working days) are kept in PostgreSQL by
 * db-scheduler, so they survive restarts and fire once across nodes. Axon's auto-configuration
 * contributes the tasks and builds its {@code DbSchedulerDeadlineManager} on this scheduler but
 * does not start it (it leaves that to db-scheduler's own Spring Boot starter, which we do not
 * use): {@link #deadlineSchedulerLifecycle} starts it last, once Axon and the sagas are running,
 * and stops it first.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    @Bean
    Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks,
            @Value("${ledger.deadlines.polling-interval:PT10S}") Duration polling) {
        return Scheduler.create(dataSource, tasks)
                .threads(2)
                .pollingInterval(polling)
                .tableName("scheduled_tasks")
                .build();
    }

    @Bean
    SmartLifecycle deadlineSchedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            /** After Axon (phase MAX_VALUE - 3072 in SpringAxonConfiguration), before the web server (MAX_VALUE - 1024). */
            @Override
            public int getPhase() {
                return Integer.MAX_VALUE - 2560;
            }
        };
    }
}
