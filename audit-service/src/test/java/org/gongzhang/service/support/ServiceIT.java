package org.gongzhang.service.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the integration tests: the whole service on a real embedded PostgreSQL in a temporary
 * directory, with the demo loaded. Every subclass shares one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.embedded-postgres.ephemeral=true", "ledger.demo.enabled=true"})
public abstract class ServiceIT {

    @LocalServerPort
    protected int port;

    protected LedgerClient client;

    @BeforeEach
    void client() {
        client = new LedgerClient(port);
    }
}
