package org.gongzhang.service.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.junit.jupiter.api.Test;

/** The event store tells a taken sequence number (a duplicate key) from every other failure. */
class DuplicateKeysTest {

    private final PersistenceExceptionResolver resolver = new EventStoreConfiguration().persistenceExceptionResolver();

    @Test
    void aUniqueViolationAnywhereInTheCausesIsADuplicateKey() {
        SQLException duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
        assertThat(resolver.isDuplicateKeyViolation(duplicate)).isTrue();
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("append failed",
                new RuntimeException(duplicate)))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("foreign key", "23503"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("connection lost", "08006"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("no state"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("no SQL at all"))).isFalse();
    }
}
