package org.gongzhang.service.axon;

import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon's stores on plain JDBC over the tables of migration V1, which were Axon's JPA tables: the
 * event store ({@code domain_event_entry}, {@code snapshot_event_entry}), the processors' tokens
 * ({@code token_entry}) and the sagas ({@code saga_entry}, {@code association_value_entry}). Each
 * append went through Hibernate's persist, flush and entity bookkeeping, the tracking processors'
 * reader hydrated entities for every event, every transaction opened an entity manager, and
 * Hibernate's start took a second of every start: the service has no JPA at all now. The statements
 * run on the connection of the transaction they are in (Spring's, shared with {@code JdbcTemplate}),
 * so an entry, its index rows and its event still commit or roll back as one. The global index comes
 * from the column's default ({@code nextval}, migration V17), as Hibernate drew it from the same
 * sequence before; likewise an association value's id (V21).
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    /** How often the event store reads the log's tail without a commit of this node to wake it (other nodes' events). */
    private static final String POLL = "${ledger.events.poll:PT1S}";

    /**
     * The storage, whose tail reads skip the database when nothing can be new ({@link LedgerEventStorage}):
     * half the event store's poll, so that the poll itself always reads; it stores each entry's index
     * rows with its event ({@link RowsWithEvents}).
     */
    @Bean
    LedgerEventStorage eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver, org.axonframework.config.Configuration configuration,
            DataSource dataSource, TransactionManager transactionManager,
            @Value(POLL) Duration poll, ObjectProvider<RowsWithEvents> rowsWithEvents) {
        LedgerEventStorage.Transactions transactions = new LedgerEventStorage.Transactions(transactionManager);
        return new LedgerEventStorage(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connections(dataSource))
                .transactionManager(transactions)
                .dataType(byte[].class)
                .schema(schema()), poll.dividedBy(2), transactions, rowsWithEvents::getObject);
    }

    /**
     * The event store, as Axon's auto-configuration builds it, but waking its tail reader when an
     * append's transaction commits, once per {@code ledger.events.follow-window} (10 ms) while commits
     * follow each other ({@link LedgerEventStore}). Without a local commit it polls the
     * database every {@code ledger.events.poll} (events of other nodes sharing it).
     */
    @Bean
    EmbeddedEventStore eventStore(LedgerEventStorage storage, org.axonframework.config.Configuration configuration,
            @Value(POLL) Duration poll, @Value("${ledger.events.follow-window:PT0.01S}") Duration window) {
        return new LedgerEventStore(EmbeddedEventStore.builder()
                .fetchDelay(poll.toMillis())
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)), storage, window);
    }

    /**
     * Axon's units of work in Spring's transactions, stated here: without JPA, Axon's
     * auto-configuration came before the JDBC transaction manager's and left Axon with none (the
     * processors' tokens and read models then committed statement by statement).
     */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return new SpringTransactionManager(transactions);
    }

    /**
     * Which errors mean "this aggregate's sequence number is taken": PostgreSQL's unique_violation
     * (SQLSTATE 23505) anywhere in the cause chain. Axon then reports a concurrent append
     * ({@code ConcurrencyException}) rather than a failed store.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return exception -> {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }

    /** PostgreSQL's SQLSTATE for a duplicate key. */
    static final String UNIQUE_VIOLATION = "23505";

    /**
     * The tracking processors' tokens in {@code token_entry}, stated here rather than left to the
     * auto-configuration, which without JPA did not apply and left the processors an in-memory token
     * store: each node then rebuilt everything at every start and two nodes both handled every segment.
     */
    @Bean
    TokenStore tokenStore(DataSource dataSource, Serializer serializer) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections(dataSource))
                .serializer(serializer)
                .schema(tokenSchema())
                .contentType(byte[].class)
                .build();
    }

    /** The sagas in {@code saga_entry} and {@code association_value_entry} (likewise stated, not left to chance). */
    @Bean
    SagaStore<Object> sagaStore(DataSource dataSource, Serializer serializer) {
        return JdbcSagaStore.builder()
                .connectionProvider(connections(dataSource))
                .sqlSchema(sagaSqlSchema())
                .serializer(serializer)
                .build();
    }

    /** The connection of the Spring transaction in progress (or a new one), as every Axon store here uses it. */
    private static ConnectionProvider connections(DataSource dataSource) {
        return new TransactionBoundConnections(dataSource);
    }

    /** The tokens' table and columns as migration V1 names them (the JDBC token store's defaults are camelCase). */
    static TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /** The sagas' tables and columns as migration V1 names them, in PostgreSQL's dialect (bytea). */
    static SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema(SagaSchema.builder()
                .sagaEntryTable("saga_entry")
                .associationValueEntryTable("association_value_entry")
                .revisionColumn("revision")
                .serializedSagaColumn("serialized_saga")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .sagaIdColumn("saga_id")
                .sagaTypeColumn("saga_type")
                .build());
    }

    /** Migration V1's snake_case names for Axon's camelCase defaults. */
    static EventSchema schema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }
}
