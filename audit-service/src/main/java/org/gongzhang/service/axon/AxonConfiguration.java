package org.gongzhang.service.axon;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.messaging.annotation.FixedValueParameterResolver;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.gongzhang.core.book.Books;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Bean;

/**
 * Registers the book aggregate (one event stream per book): a snapshot every
 * {@code ledger.books.snapshot-every} entries (default {@value #SNAPSHOT_EVERY}), or every
 * {@code ledger.books.snapshot-fraction} of the book's entries (default {@value #SNAPSHOT_FRACTION})
 * when that is more ({@link BookSnapshots}), taken on a background thread after the append commits,
 * and a cache of the most recently used books
 * ({@code ledger.books.cached}, of which the {@code ledger.books.held} most recent whatever the heap
 * and the rest while it has room; {@link BookCache}), so a command finds its book in memory, or
 * loads a snapshot, instead of replaying the whole log. With several nodes, a stale
 * cached book fails its append on the event table's (aggregate, sequence) key, is evicted, and the
 * client retries at the new head. Also the clock every handler reads time from.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    /**
     * Axon builds a snapshot by loading the previous one and replaying the entries since, so its
     * cost per append is about one replayed entry whatever the interval, plus reading and writing the
     * book's state (which grows with its vouchers) once per interval: every 100 entries that was a
     * tenth of an append's work on a large book. A book not in the cache replays at most this many,
     * or {@link #SNAPSHOT_FRACTION} of its entries.
     */
    static final int SNAPSHOT_EVERY = 500;

    /**
     * A large book's snapshots come after this share of its entries (above 25,000 entries with
     * {@link #SNAPSHOT_EVERY}): their cost per append stays that of ~50 entries' state at any size.
     */
    static final double SNAPSHOT_FRACTION = 0.02;

    /**
     * Of the cached books, how many of the most recently used are held whatever the heap (the rest
     * only while it has room): the books being written to now.
     */
    static final int HELD_BOOKS = 100;

    static final String LEDGER_INDEX = "ledger-index";

    /** The reporting read model's tracking processor ({@code LedgerProjection}). */
    static final String REPORTING = "reporting";

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The {@code ledger-index} handlers (governance, disclosure, book directory) run in the
     * transaction that stores the entry: one of them failing fails the append as a whole, instead of
     * Axon's default of logging the error and leaving an entry stored but missing from the index.
     */
    @Bean
    ConfigurerModule ledgerIndexFailsTheAppend() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(LEDGER_INDEX, c -> PropagatingErrorHandler.instance());
    }

    /**
     * Every pooled streaming processor's coordinator looks again 10 ms after finding its work
     * packages full, not Axon's 100 ms, and every 100 ms for new entries, not 500 ms
     * ({@link PromptCoordinator}): a replay's work package no longer waits idle for its next events,
     * and the read model, checkpoints and sagas see an entry within ~0.1 s of its commit, the read model
     * sooner while someone waits for it ({@link ReadModelNudge}). Axon's
     * Spring Boot settings (worker threads, batch size, segments) apply after this and do not touch
     * the coordinator's executor.
     */
    @Bean
    ConfigurerModule promptCoordinators(ReadModelNudge nudge) {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                (config, builder) -> builder.coordinatorExecutor(processor -> {
                    PromptCoordinator coordinator = new PromptCoordinator(processor);
                    nudge.register(coordinator);
                    config.onShutdown(() -> {
                        nudge.unregister(coordinator);
                        coordinator.shutdown();
                    });
                    return coordinator;
                }));
    }

    /** The processors whose look for new entries comes at once while someone waits ({@link ReadModelNudge}). */
    @Bean
    ReadModelNudge readModelNudge(
            @Value("${ledger.read-model.prompt-processors:" + REPORTING + "}") String[] processors,
            @Value("${ledger.read-model.follow-spacing:PT0.01S}") Duration spacing) {
        return new ReadModelNudge(Arrays.stream(processors).map(String::strip).filter(name -> !name.isEmpty())
                .collect(Collectors.toSet()), spacing);
    }

    /**
     * The reporting read model commits its batches without waiting for the disk
     * ({@link ReadModelCommits}): it is rebuilt from the log, and its token commits with its tables.
     */
    @Bean
    ConfigurerModule readModelCommits(JdbcTemplate jdbc) {
        return configurer -> configurer.eventProcessing().registerTransactionManager(REPORTING,
                c -> new ReadModelCommits(c.getComponent(TransactionManager.class), jdbc));
    }

    /** The reporting read model's rebuild for operators and benchmarks ({@link ReportingRebuild}). */
    @Bean
    ReportingRebuild reportingRebuild(EventProcessingConfiguration processing, LedgerEventStorage storage,
            TokenStore tokens, TransactionManager transactions, JdbcTemplate jdbc) {
        return new ReportingRebuild(processing, storage, tokens, transactions, jdbc);
    }

    /**
     * The reporting processor's segments by book, as Axon's default, with each event's entry read
     * on the coordinator's thread ahead of the work package that writes it ({@link ReadAhead}).
     */
    @Bean
    ConfigurerModule reportingReadsAhead() {
        return configurer -> configurer.eventProcessing().registerSequencingPolicy(REPORTING, c -> new ReadAhead());
    }

    /**
     * No correlation data: Axon's default copies a message's correlation and trace ids into the
     * metadata of every message handled on its behalf, which nothing here reads, and which made the
     * reporting projection deserialize every stored event's metadata while it replays (12 % of a
     * rebuild). Ordered last, so that it replaces what the auto-configuration registers.
     */
    @Bean
    ConfigurerModule noCorrelationData() {
        return new ConfigurerModule() {
            @Override
            public void configureModule(org.axonframework.config.Configurer configurer) {
                configurer.configureCorrelationDataProviders(c -> java.util.List.of());
            }

            @Override
            public int order() {
                return Integer.MAX_VALUE;
            }
        };
    }

    @Bean
    BookCache bookCache(@Value("${ledger.books.cached:1000}") int cached,
            @Value("${ledger.books.held:" + HELD_BOOKS + "}") int held) {
        return new BookCache(cached, Math.min(held, cached));
    }

    /**
     * The book aggregate. One thread (not a Spring bean, which would replace Boot's task executor)
     * takes the books' snapshots after their appends commit, so no writer waits for one; Axon runs
     * at most one snapshot per book at a time, so its queue holds at most one task per book.
     */
    @Bean
    ConfigurerModule bookAggregate(Clock clock, BookCache cache,
            @Value("${ledger.books.snapshot-every:" + SNAPSHOT_EVERY + "}") int snapshotEvery,
            @Value("${ledger.books.snapshot-fraction:" + SNAPSHOT_FRACTION + "}") double snapshotFraction) {
        return configurer -> {
            ExecutorService snapshots = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "book-snapshots");
                thread.setDaemon(true);
                return thread;
            });
            configurer.onShutdown(snapshots::shutdown);
            configurer.configureAggregate(book(Books.aggregateType(), clock, cache, snapshots, snapshotEvery,
                    snapshotFraction));
        };
    }

    private static <A> AggregateConfigurer<A> book(Class<A> type, Clock clock, BookCache cache, Executor snapshots,
            int snapshotEvery, double snapshotFraction) {
        return AggregateConfigurer.defaultConfiguration(type)
                .configureCache(c -> cache)
                .configureCommandTargetResolver(c -> new BookTargets())
                .configureSnapshotTrigger(c -> new BookSnapshots(snapshotter(c, type, clock, snapshots), snapshotEvery,
                        snapshotFraction));
    }

    /**
     * Spring's own snapshotter knows only {@code @Aggregate} beans; the book is registered by hand,
     * and its command handlers' {@link Clock} parameter must resolve here too.
     */
    private static <A> AggregateSnapshotter snapshotter(Configuration c, Class<A> type, Clock clock, Executor executor) {
        ParameterResolverFactory clockParameter = (executable, parameters, index) ->
                parameters[index].getType() == Clock.class ? new FixedValueParameterResolver<>(clock) : null;
        ParameterResolverFactory resolvers = MultiParameterResolverFactory.ordered(c.parameterResolverFactory(), clockParameter);
        return AggregateSnapshotter.builder()
                .eventStore(c.eventStore())
                .executor(executor)
                .aggregateFactories(new GenericAggregateFactory<>(
                        AnnotatedAggregateMetaModelFactory.inspectAggregate(type, resolvers, c.handlerDefinition(type))))
                .repositoryProvider(c::repository)
                .parameterResolverFactory(resolvers)
                .handlerDefinition(c.handlerDefinition(type))
                .transactionManager(c.getComponent(TransactionManager.class, NoTransactionManager::instance))
                .build();
    }
}
