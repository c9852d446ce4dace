package org.gongzhang.service.log;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code bookIntegrity} on {@code /actuator/health}: DOWN while any book failed its integrity
 * check, naming each with the checkpoint the service signed last and what the database holds.
 * DOWN, not OUT_OF_SERVICE: the service can no longer vouch for records it published, which is a
 * failure someone must look into, not maintenance.
 */
@Component
class BookIntegrityHealthIndicator implements HealthIndicator {

    private final BookIntegrity integrity;

    BookIntegrityHealthIndicator(BookIntegrity integrity) {
        this.integrity = integrity;
    }

    @Override
    public Health health() {
        var failed = integrity.failed();
        return (failed.isEmpty() ? Health.up() : Health.down()).withDetail("failedBooks", failed).build();
    }
}
