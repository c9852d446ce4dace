package org.gongzhang.service.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.Test;

/**
 * The event storage sends an event and the rows stored with it ({@link RowsWithEvents}) as one
 * statement, so one round trip, with every parameter where it belongs and each row's update count
 * handed back to it; events without rows go as Axon stores them.
 */
class EventsWithRowsTest {

    /** What the storage asked of the connection: each statement prepared, its parameters, its executions. */
    private final List<String> prepared = new ArrayList<>();
    private final List<Map<Integer, Object>> parameters = new ArrayList<>();
    private int executions;
    /** The update counts the database answers, one per statement of the compound, in order. */
    private List<Integer> counts = List.of(1, 1);
    private SQLException failure;

    private final List<Integer> stored = new ArrayList<>();

    @Test
    void anEventAndItsRowsAreOneStatementSentOnce() {
        storage(rows("update book_log set tree_size = ? where book_id = ?", "lanyuan", 7L))
                .appendEvents(List.of(event("lanyuan", 6)), serializer());

        assertThat(prepared).hasSize(1);
        assertThat(executions).isEqualTo(1);
        assertThat(prepared.get(0)).startsWith("insert into domain_event_entry (")
                .endsWith(";\nupdate book_log set tree_size = ? where book_id = ?");
        Map<Integer, Object> set = parameters.get(0);
        assertThat(set).hasSize(11);
        assertThat(set.get(2)).as("the event's aggregate").isEqualTo("lanyuan");
        assertThat(set.get(3)).as("its sequence number").isEqualTo(6L);
        assertThat(set.get(10)).as("the row's first parameter, after the event's nine").isEqualTo("lanyuan");
        assertThat(set.get(11)).isEqualTo(7L);
        assertThat(stored).as("the row's update count, handed back").containsExactly(1);
    }

    @Test
    void eachEventsRowsGetTheirOwnUpdateCount() {
        counts = List.of(1, 1, 1, 0);

        assertThatThrownBy(() -> storage(rows("update a set x = ?", "first"), rows("update b set y = ?", "second"))
                .appendEvents(List.of(event("lanyuan", 1), event("lanyuan", 2)), serializer()))
                .hasMessage("moved 0 rows");

        assertThat(prepared.get(0).split(";\n")).hasSize(4);
        assertThat(parameters.get(0).get(19)).isEqualTo("first");
        assertThat(parameters.get(0).get(20)).isEqualTo("second");
        assertThat(stored).containsExactly(1, 0);
    }

    @Test
    void appendsHeldTogetherAreOneStatementSentOnceTheWorkIsDone() {
        counts = List.of(5, 1, 5, 1); // the events' inserts answer 5, so that a count handed to the wrong row shows
        LedgerEventStorage storage = storage(new Source(List.of(new Row("update a set x = ?", new Object[] {"first"}),
                new Row("update b set y = ?", new Object[] {"second"}))));

        storage.together(() -> {
            storage.appendEvents(List.of(event("lanyuan", 1)), serializer());
            storage.appendEvents(List.of(event("guiyuan", 4)), serializer());
            assertThat(prepared).as("nothing sent while the work runs").isEmpty();
        });

        assertThat(prepared).hasSize(1);
        assertThat(executions).isEqualTo(1);
        assertThat(prepared.get(0).split(";\n")).hasSize(4);
        assertThat(prepared.get(0).split(";\n")[1]).isEqualTo("update a set x = ?");
        Map<Integer, Object> set = parameters.get(0);
        assertThat(set.get(10)).isEqualTo("first");
        assertThat(set.get(12)).as("the second event's aggregate").isEqualTo("guiyuan");
        assertThat(set.get(20)).isEqualTo("second");
        assertThat(stored).containsExactly(1, 1);
    }

    @Test
    void anEventWithoutRowsIsHeldInItsPlaceToo() {
        counts = List.of(1, 1, 1);
        List<RowsWithEvents.Rows> first = List.of(new Row("update a set x = ?", new Object[] {"first"}));
        int[] asked = {0};
        LedgerEventStorage storage = storage(event -> asked[0]++ == 0 ? Optional.of(first.get(0)) : Optional.empty());

        storage.together(() -> {
            storage.appendEvents(List.of(event("lanyuan", 1)), serializer());
            storage.appendEvents(List.of(event("saga", 0)), serializer());
        });

        assertThat(prepared).hasSize(1);
        String[] parts = prepared.get(0).split(";\n");
        assertThat(parts).hasSize(3);
        assertThat(parts[1]).isEqualTo("update a set x = ?");
        assertThat(parts[2]).startsWith("insert into domain_event_entry");
        assertThat(parameters.get(0).get(12)).as("the second event's aggregate, after the row").isEqualTo("saga");
        assertThat(stored).containsExactly(1);
    }

    @Test
    void nothingHeldIsSentWhenTheWorkFails() {
        LedgerEventStorage storage = storage(new Source(List.of(new Row("update a set x = ?", new Object[] {"first"}),
                new Row("update a set x = ?", new Object[] {"again"}))));

        assertThatThrownBy(() -> storage.together(() -> {
            storage.appendEvents(List.of(event("lanyuan", 1)), serializer());
            throw new IllegalStateException("refused after the append");
        })).hasMessage("refused after the append");

        assertThat(prepared).isEmpty();
        assertThat(executions).isZero();
        storage.appendEvents(List.of(event("lanyuan", 1)), serializer());
        assertThat(executions).as("outside together, sent at once again").isEqualTo(1);
    }

    @Test
    void eventsWithoutRowsAreStoredAsAxonStoresThem() {
        storage(event -> Optional.empty()).appendEvents(List.of(event("lanyuan", 3)), serializer());

        assertThat(prepared).hasSize(1);
        assertThat(prepared.get(0)).doesNotContain(";");
    }

    @Test
    void aDuplicateKeyIsAConcurrentAppend() {
        failure = new SQLException("duplicate key value violates unique constraint", "23505");

        assertThatThrownBy(() -> storage(rows("update book_log set tree_size = ?", 2L))
                .appendEvents(List.of(event("lanyuan", 1)), serializer()))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(stored).isEmpty();
    }

    /** A row source answering the given rows, one per event in turn. */
    private RowsWithEvents rows(String sql, Object... values) {
        return new Source(List.of(new Row(sql, values)));
    }

    private LedgerEventStorage storage(RowsWithEvents first, RowsWithEvents second) {
        List<RowsWithEvents.Rows> all = new ArrayList<>();
        all.addAll(((Source) first).rows);
        all.addAll(((Source) second).rows);
        return storage(new Source(all));
    }

    private final class Source implements RowsWithEvents {

        final List<RowsWithEvents.Rows> rows;
        int next;

        Source(List<RowsWithEvents.Rows> rows) {
            this.rows = rows;
        }

        @Override
        public Optional<Rows> rowsFor(EventMessage<?> event) {
            return Optional.of(rows.get(next++));
        }
    }

    private final class Row implements RowsWithEvents.Rows {

        final String sql;
        final Object[] values;

        Row(String sql, Object[] values) {
            this.sql = sql;
            this.values = values;
        }

        @Override
        public String sql() {
            return sql;
        }

        @Override
        public int bind(Connection connection, PreparedStatement statement, int first) throws SQLException {
            int p = first;
            for (Object value : values) {
                statement.setObject(p++, value);
            }
            return p;
        }

        @Override
        public void stored(int count) {
            stored.add(count);
            if (count != 1) {
                throw new IllegalStateException("moved " + count + " rows");
            }
        }
    }

    private LedgerEventStorage storage(RowsWithEvents rows) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .connectionProvider(this::connection)
                .transactionManager(NoTransactionManager.INSTANCE)
                .snapshotSerializer(serializer())
                .eventSerializer(serializer())
                .persistenceExceptionResolver(new EventStoreConfiguration().persistenceExceptionResolver())
                .dataType(byte[].class)
                .schema(EventStoreConfiguration.schema());
        return new LedgerEventStorage(builder, Duration.ofMillis(500), NoTransactionManager.INSTANCE, () -> rows);
    }

    private static JacksonSerializer serializer() {
        return JacksonSerializer.defaultSerializer();
    }

    private static EventMessage<?> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Book", aggregate, sequence, Map.of("amount", 100));
    }

    private Connection connection() {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "prepareStatement" -> statement((String) args[0]);
                    case "close" -> null;
                    case "isClosed" -> false;
                    case "getAutoCommit" -> false;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private PreparedStatement statement(String sql) {
        prepared.add(sql);
        Map<Integer, Object> set = new TreeMap<>();
        parameters.add(set);
        int[] result = {0};
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index) {
                        set.put(index, args[1]);
                        return null;
                    }
                    return switch (name) {
                        case "execute", "executeBatch", "executeUpdate" -> {
                            executions++;
                            if (failure != null) {
                                throw failure;
                            }
                            yield name.equals("executeBatch") ? new int[] {1} : name.equals("execute") ? false : 1;
                        }
                        case "addBatch", "close", "clearParameters" -> null;
                        case "getMoreResults" -> {
                            result[0]++;
                            yield false;
                        }
                        case "getUpdateCount" -> counts.get(result[0]);
                        default -> throw new UnsupportedOperationException(name);
                    };
                });
    }
}
