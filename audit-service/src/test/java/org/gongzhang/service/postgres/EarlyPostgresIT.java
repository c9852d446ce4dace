package org.gongzhang.service.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * {@link EarlyPostgres} starts the embedded server while the context is built and hands it to the
 * context's {@code EmbeddedPostgres} bean; an empty database is migrated on the way, an existing
 * one is left to Spring's Flyway; a context that never takes the server stops it.
 */
class EarlyPostgresIT {

    @TempDir
    Path temp;

    @Test
    void anEmptyDataDirectoryIsStartedAndMigratedBeforeTheContextAsksForIt() throws Exception {
        try (GenericApplicationContext context = context(Map.of("ledger.embedded-postgres.ephemeral", "true"))) {
            EarlyPostgres.Start start = context.getBean(EarlyPostgres.Start.class);
            try (EmbeddedPostgres postgres = start.take()) {
                assertThat(migrations(postgres)).isGreaterThanOrEqualTo(21);
                assertThatThrownBy(start::take).isInstanceOf(IllegalStateException.class);
                context.close();
                // taken: the context's own EmbeddedPostgres bean stops it, not the early start
                assertThat(migrations(postgres)).isGreaterThanOrEqualTo(21);
            }
        }
    }

    @Test
    void anExistingDatabaseIsStartedEarlyButMigratedOnlyBySpringsFlyway() throws Exception {
        Path data = temp.resolve("pgdata");
        Map<String, Object> settings = Map.of("ledger.embedded-postgres.data-directory", data.toString(),
                "spring.flyway.enabled", "false");
        try (GenericApplicationContext context = context(settings);
                EmbeddedPostgres postgres = context.getBean(EarlyPostgres.Start.class).take()) {
            assertThat(hasMigrationTable(postgres)).isFalse();
        }
        assertThat(data.resolve("PG_VERSION")).exists();
        try (GenericApplicationContext context = context(
                Map.of("ledger.embedded-postgres.data-directory", data.toString()));
                EmbeddedPostgres postgres = context.getBean(EarlyPostgres.Start.class).take()) {
            assertThat(hasMigrationTable(postgres)).isFalse();
        }
    }

    @Test
    void aContextThatNeverTakesTheServerStopsIt() throws Exception {
        Path data = temp.resolve("pgdata");
        ProcessHandle server;
        try (GenericApplicationContext context = context(Map.of("ledger.embedded-postgres.data-directory",
                data.toString(), "spring.flyway.enabled", "false"))) {
            // the server starts without being taken; its postmaster is found through its pid file
            server = postmaster(data);
            assertThat(server.isAlive()).isTrue();
        }
        server.onExit().get(30, TimeUnit.SECONDS);
        assertThat(server.isAlive()).isFalse();
        assertThat(data.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void aFailedStartIsThrownWhereTheServerIsTakenAndLeavesNothingToStop() throws Exception {
        Path notADirectory = Files.writeString(temp.resolve("a-file"), "not a data directory");
        try (GenericApplicationContext context = context(
                Map.of("ledger.embedded-postgres.data-directory", notADirectory.toString()))) {
            EarlyPostgres.Start start = context.getBean(EarlyPostgres.Start.class);
            assertThatThrownBy(start::take).isInstanceOfAny(java.io.IOException.class, RuntimeException.class);
        }
    }

    @Test
    void nothingStartsForAnExternalDatabaseOrWhenSwitchedOff() {
        try (GenericApplicationContext external = context(
                Map.of("spring.datasource.url", "jdbc:postgresql://db.example/ledger"))) {
            assertThat(external.getBeansOfType(EarlyPostgres.Start.class)).isEmpty();
        }
        try (GenericApplicationContext off = context(Map.of("ledger.embedded-postgres.early", "false"))) {
            assertThat(off.getBeansOfType(EarlyPostgres.Start.class)).isEmpty();
        }
    }

    private static GenericApplicationContext context(Map<String, Object> settings) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", settings));
        new EarlyPostgres().initialize(context);
        context.refresh();
        return context;
    }

    private static int migrations(EmbeddedPostgres postgres) throws SQLException {
        return value(postgres, "select count(*)::int from flyway_schema_history where success", Integer.class);
    }

    private static boolean hasMigrationTable(EmbeddedPostgres postgres) throws SQLException {
        return value(postgres, "select to_regclass('flyway_schema_history') is not null", Boolean.class);
    }

    private static <T> T value(EmbeddedPostgres postgres, String query, Class<T> type) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                ResultSet row = connection.createStatement().executeQuery(query)) {
            row.next();
            return row.getObject(1, type);
        }
    }

    /**
     * The server running on {@code data}, from the first line of its pid file once its last line
     * says it is ready ({@code initdb}'s single-user runs write negative pids there before).
     */
    private static ProcessHandle postmaster(Path data) throws Exception {
        Path pidFile = data.resolve("postmaster.pid");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            List<String> lines;
            try {
                lines = Files.readAllLines(pidFile);
            } catch (NoSuchFileException notYetOrGoneAgain) {
                lines = List.of(); // initdb's runs write and remove it before the server writes its own
            }
            if (lines.size() >= 8 && lines.get(7).trim().equals("ready")) {
                return ProcessHandle.of(Long.parseLong(lines.get(0).trim())).orElseThrow();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no server started on " + data);
    }
}
