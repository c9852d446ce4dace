package org.gongzhang.service.support;

import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole service on a real embedded PostgreSQL in a temporary
 * directory, with the demo loaded and its key store in another (both deleted at shutdown). Every
 * subclass shares one application context.
 *
 * <p>With {@code -Dledger.it.postgres=server} (the second failsafe pass of {@code ./mvnw verify},
 * execution {@code on-postgres-server} in this module's pom) every test context runs instead on a
 * new database of its own on the machine's PostgreSQL server ({@link PostgresServer}, one server
 * process for the test JVM), reached as a deployment reaches it: the app role for the service, the
 * owner role for Flyway.
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

    /** The value of {@code ledger.it.postgres} that moves the tests onto the PostgreSQL server. */
    static final String ON_SERVER = "server";

    /** On the server pass, a machine without a PostgreSQL server stops these tests as not run (outside CI). */
    @BeforeAll
    static void serverInstalled() {
        if (ON_SERVER.equals(System.getProperty("ledger.it.postgres"))) {
            PostgresServer.assumeInstalled();
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        if (!ON_SERVER.equals(System.getProperty("ledger.it.postgres"))) {
            return;
        }
        PostgresServer.Database database;
        try {
            database = SharedServer.server().newDatabase();
        } catch (Exception e) {
            throw new IllegalStateException("could not create a database on the PostgreSQL server", e);
        }
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", () -> PostgresServer.APP);
        registry.add("spring.datasource.password", () -> PostgresServer.APP_PASSWORD);
        registry.add("spring.flyway.user", () -> PostgresServer.OWNER);
        registry.add("spring.flyway.password", () -> PostgresServer.OWNER_PASSWORD);
    }

    /** The test JVM's one PostgreSQL server, started on first use and stopped when the JVM exits. */
    private static final class SharedServer {

        private static PostgresServer server;

        static synchronized PostgresServer server() throws Exception {
            if (server == null) {
                PostgresServer started = PostgresServer.start(Files.createTempDirectory("gongzhang-it-server"));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (Exception e) {
                        System.err.println("could not stop the PostgreSQL server: " + e);
                    }
                }, "postgres-server-stop"));
                server = started;
            }
            return server;
        }
    }

    /**
     * The schema's owner, connected as Flyway connects: for a test that changes the schema itself (a
     * trigger that injects a fault). On the embedded database that is the service's own connection;
     * on the server the service's role may not create or drop anything.
     */
    protected JdbcTemplate schemaOwner() {
        JdbcTemplate service = context.getBean(JdbcTemplate.class);
        Environment environment = context.getEnvironment();
        String owner = environment.getProperty("spring.flyway.user");
        if (owner == null) {
            return service;
        }
        return new JdbcTemplate(new DriverManagerDataSource(environment.getRequiredProperty("spring.datasource.url"),
                owner, environment.getProperty("spring.flyway.password")));
    }

    @Autowired
    private ApplicationContext context;

    @LocalServerPort
    protected int port;

    protected LedgerClient client;

    @BeforeEach
    void client() {
        client = new LedgerClient(port);
    }
}
