package org.gongzhang.service.axon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;

/**
 * Rows a component stores with an event, sent to the database with the event's own insert in one
 * round trip ({@link LedgerEventStorage}) and committed with it. Each append's event and its index
 * rows were two round trips, each costing a wake-up of the database and of the writer.
 */
public interface RowsWithEvents {

    /** What to store with {@code event} (called in the transaction that stores it), or empty. */
    Optional<Rows> rowsFor(EventMessage<?> event);

    /** One statement to run after the events' insert, its parameters, and what to do with its update count. */
    interface Rows {

        /** The statement (it may hold common table expressions, never a {@code ;}). */
        String sql();

        /** Sets this statement's parameters from position {@code first}; answers the next free position. */
        int bind(Connection connection, PreparedStatement statement, int first) throws SQLException;

        /** The statement ran and changed {@code count} rows (in its main statement); throws when that is wrong. */
        void stored(int count);

        /**
         * The statement ran and answered {@code rows} (one with {@code returning}), instead of
         * {@link #stored}: read them here, they are closed afterwards. Statements without
         * {@code returning} are never given any.
         */
        default void returned(ResultSet rows) throws SQLException {
            throw new IllegalStateException("a statement stored with events answered rows: " + sql());
        }
    }
}
