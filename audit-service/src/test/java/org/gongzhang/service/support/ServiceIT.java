package org.gongzhang.service.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the integration tests: the whole service on a real embedded PostgreSQL in a temporary
 * directory, with the demo loaded and its key store in another (both deleted at shutdown). Every
 * subclass shares one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.embedded-postgres.ephemeral=true", "ledger.demo.enabled=true",
            "ledger.keystore.iterations=" + ServiceIT.FAST_KEY_FILES})
public abstract class ServiceIT {

    /**
     * PBKDF2 iterations of the key files tests write ({@code ledger.keystore.iterations}): the
     * deployment's 600,000 would add about half a second per custodial key to every start.
     */
    public static final int FAST_KEY_FILES = 10_000;

    @LocalServerPort
    protected int port;

    protected LedgerClient client;

    @BeforeEach
    void client() {
        client = new LedgerClient(port);
    }
}
