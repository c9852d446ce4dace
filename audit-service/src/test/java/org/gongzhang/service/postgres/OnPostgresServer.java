package org.gongzhang.service.postgres;

import java.nio.file.Path;
import org.gongzhang.service.support.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** A test class whose services run on one PostgreSQL server of the operating system's, started for the class. */
abstract class OnPostgresServer {

    @TempDir
    static Path home;

    static PostgresServer server;

    @BeforeAll
    static void startServer() throws Exception {
        PostgresServer.assumeInstalled();
        server = PostgresServer.start(home);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }
}
