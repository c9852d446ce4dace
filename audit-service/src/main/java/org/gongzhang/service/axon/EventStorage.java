package org.gongzhang.service.axon;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;

/**
 * Axon's JDBC event storage, with each event's time read by {@link EventTimestamps} once, as the
 * row is read, instead of by Axon's {@code DateTimeFormatter} when a processor asks for it.
 */
final class EventStorage extends JdbcEventStorageEngine {

    private final String timestampColumn;

    EventStorage(JdbcEventStorageEngine.Builder builder, String timestampColumn) {
        super(builder);
        this.timestampColumn = timestampColumn;
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        TrackedEventData<?> read = super.getTrackedEventData(resultSet, previousToken);
        if (read instanceof TrackedDomainEventData<?> event) {
            return new TrackedDomainEventData<>(event.trackingToken(),
                    new Timed<>(event, EventTimestamps.parse(resultSet.getString(timestampColumn))));
        }
        return read;
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        return new Timed<>(super.getDomainEventData(resultSet), EventTimestamps.parse(resultSet.getString(timestampColumn)));
    }

    /** An event as read, with its time already parsed. */
    private record Timed<T>(DomainEventData<T> event, Instant timestamp) implements DomainEventData<T> {

        @Override
        public String getType() {
            return event.getType();
        }

        @Override
        public String getAggregateIdentifier() {
            return event.getAggregateIdentifier();
        }

        @Override
        public long getSequenceNumber() {
            return event.getSequenceNumber();
        }

        @Override
        public String getEventIdentifier() {
            return event.getEventIdentifier();
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }

        @Override
        public SerializedObject<T> getMetaData() {
            return event.getMetaData();
        }

        @Override
        public SerializedObject<T> getPayload() {
            return event.getPayload();
        }
    }
}
