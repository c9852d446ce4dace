package org.gongzhang.service.axon;

import java.time.Clock;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.gongzhang.core.book.Books;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the book aggregate (one event stream per book) with snapshots every
 * {@value #SNAPSHOT_EVERY} entries, and the clock every handler reads time from.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    static final int SNAPSHOT_EVERY = 250;

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ConfigurerModule bookAggregate() {
        return configurer -> configurer.configureAggregate(
                AggregateConfigurer.defaultConfiguration(Books.aggregateType())
                        .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), SNAPSHOT_EVERY)));
    }
}
