package org.gongzhang.core.book;

/**
 * How other modules reach the book aggregate, which is package-private: register
 * {@link #aggregateType()} with Axon (e.g. {@code configurer.configureAggregate(Books.aggregateType())}
 * in a {@code ConfigurerModule}, or {@code AggregateConfigurer.defaultConfiguration(Books.aggregateType())}
 * to add a snapshot trigger), make a {@link java.time.Clock} resolvable as a handler parameter (a
 * Spring bean is enough), and send {@link org.gongzhang.core.book.api.OpenBookCommand} and
 * {@link org.gongzhang.core.book.api.AppendEntryCommand} through the command gateway.
 */
public final class Books {

    private Books() {
    }

    /** The event-sourced aggregate class of a book (账套); one event stream per book id. */
    public static Class<?> aggregateType() {
        return Book.class;
    }
}
