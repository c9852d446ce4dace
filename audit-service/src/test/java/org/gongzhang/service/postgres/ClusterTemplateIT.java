package org.gongzhang.service.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new data directory is copied from the cluster template when there is a usable one, and its
 * cluster becomes the template when there is none; a template of other binaries, or one the server
 * cannot start on, is replaced and the data directory made by {@code initdb}. Whether a cluster was
 * copied shows in its system identifier, which {@code initdb} draws anew for every cluster.
 */
class ClusterTemplateIT {

    @TempDir
    Path temp;

    @Test
    void aNewDataDirectoryBecomesTheTemplateAndTheNextOneIsCopiedFromIt() throws Exception {
        Path template = temp.resolve("template");
        long first = firstStart(template);
        assertThat(new ClusterTemplate(template).usable()).isTrue();
        assertThat(template.resolve("PG_VERSION")).exists();
        // nothing of a running or locked server, nor of the ledger's database, went into it
        assertThat(template.resolve("postmaster.pid")).doesNotExist();
        assertThat(template.resolve("epg-lock")).doesNotExist();
        try (EmbeddedPostgres postgres = start("b", template)) {
            assertThat(systemIdentifier(postgres)).isEqualTo(first);
            assertThat(writesAndReads(postgres)).isEqualTo(42);
        }
        // the data directory that was there already is started as it is, not copied over
        try (EmbeddedPostgres postgres = start("b", template)) {
            assertThat(writesAndReads(postgres)).isEqualTo(42);
        }
        assertThat(Files.list(temp).map(p -> p.getFileName().toString()))
                .as("no scratch copy left beside the template")
                .containsExactlyInAnyOrder("a", "b", "template");
    }

    @Test
    void aTemplateOfOtherBinariesIsNotUsedAndIsReplaced() throws Exception {
        Path template = temp.resolve("template");
        long made = firstStart(template);
        Files.writeString(template.resolve(ClusterTemplate.KEY_FILE), "zonky file:/other/zonky-1.0.jar\n",
                StandardCharsets.UTF_8);
        assertThat(new ClusterTemplate(template).usable()).isFalse();
        long fresh;
        try (EmbeddedPostgres postgres = start("b", template)) {
            fresh = systemIdentifier(postgres);
        }
        assertThat(fresh).isNotEqualTo(made);
        assertThat(new ClusterTemplate(template).usable()).isTrue();
        try (EmbeddedPostgres postgres = start("c", template)) {
            assertThat(systemIdentifier(postgres)).isEqualTo(fresh);
        }
    }

    @Test
    void aTemplateTheServerCannotStartOnIsDiscardedAndInitdbMakesTheDataDirectory() throws Exception {
        Path template = temp.resolve("template");
        long made = firstStart(template);
        // a cluster of a PostgreSQL major version these binaries do not run
        Files.writeString(template.resolve("PG_VERSION"), "9\n", StandardCharsets.US_ASCII);
        assertThat(new ClusterTemplate(template).usable()).isTrue();
        long fresh;
        try (EmbeddedPostgres postgres = start("b", template)) {
            fresh = systemIdentifier(postgres);
            assertThat(writesAndReads(postgres)).isEqualTo(42);
        }
        assertThat(fresh).isNotEqualTo(made);
        // the cluster initdb made instead is the template now
        assertThat(Files.readString(template.resolve("PG_VERSION")).trim()).isNotEqualTo("9");
        try (EmbeddedPostgres postgres = start("c", template)) {
            assertThat(systemIdentifier(postgres)).isEqualTo(fresh);
        }
    }

    @Test
    void withoutATemplateEveryNewDataDirectoryIsMadeByInitdb() throws Exception {
        long a;
        try (EmbeddedPostgres postgres = start("a", null)) {
            a = systemIdentifier(postgres);
        }
        try (EmbeddedPostgres postgres = start("b", null)) {
            assertThat(systemIdentifier(postgres)).isNotEqualTo(a);
        }
        assertThat(Files.list(temp).map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a", "b");
    }

    /** The system identifier of data directory "a", the first one started with {@code template}. */
    private long firstStart(Path template) throws Exception {
        try (EmbeddedPostgres postgres = start("a", template)) {
            return systemIdentifier(postgres);
        }
    }

    private EmbeddedPostgres start(String data, Path template) throws Exception {
        return EmbeddedPostgresConfiguration.start(
                new EmbeddedPostgresProperties(temp.resolve(data), false, 0, template));
    }

    private static long systemIdentifier(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select system_identifier from pg_control_system()")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static int writesAndReads(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists probe (v int)");
            statement.execute("delete from probe");
            statement.execute("insert into probe values (42)");
            try (ResultSet rows = statement.executeQuery("select v from probe")) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
