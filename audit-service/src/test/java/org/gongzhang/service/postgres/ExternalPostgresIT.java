package org.gongzhang.service.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.gongzhang.service.support.ChildService;
import org.gongzhang.service.support.LedgerClient;
import org.gongzhang.service.support.PostgresServer;
import org.gongzhang.service.support.TestBook;
import org.junit.jupiter.api.Test;

/**
 * The service on a PostgreSQL server of the operating system's own (Debian's package, its own
 * process, port, data directory and password authentication), configured as the README says
 * ({@code spring.datasource.*}): the migrations run as the owner role, the service as a role that
 * may change rows but not the schema, and neither is a superuser.
 */
class ExternalPostgresIT extends OnPostgresServer {


    @Test
    void theServiceRunsAsAnUnprivilegedRoleOnTheServerAndTheOwnerRoleMigrates() throws Exception {
        PostgresServer.Database database = server.newDatabase();
        Path log = Files.createDirectories(Path.of("target", "external-postgres-it")).resolve("service.log");
        Files.deleteIfExists(log);
        Path keys = Files.createTempDirectory(home, "keys");
        String[] arguments = database.serviceArguments().toArray(String[]::new);
        TestBook book;
        long size;
        try (ChildService service = ChildService.start(home.resolve("unused"), keys, log, arguments)) {
            book = TestBook.open(service.client);
            book.postVoucher(book.parkingVoucher("120.00"));
            book.postVoucher(book.parkingVoucher("30.50"));
            size = book.size();
            assertVerifies(service.client, book.id, size);
        }
        try (Connection owner = server.connect(database.name(), PostgresServer.OWNER, PostgresServer.OWNER_PASSWORD);
                Statement s = owner.createStatement()) {
            assertThat(single(s, "select tableowner from pg_tables where tablename = 'ledger_entry'"))
                    .isEqualTo(PostgresServer.OWNER);
            assertThat(single(s, "select count(distinct installed_by) || ':' || min(installed_by) from flyway_schema_history"))
                    .isEqualTo("1:" + PostgresServer.OWNER);
            assertThat(single(s, "select string_agg(rolname, ',' order by rolname) from pg_roles where rolsuper"))
                    .isEqualTo("postgres");
            assertThat(single(s, "select count(*) from ledger_entry where book_id = '" + book.id + "'"))
                    .isEqualTo(String.valueOf(size));
        }
        try (Connection app = server.connect(database.name(), PostgresServer.APP, PostgresServer.APP_PASSWORD);
                Statement s = app.createStatement()) {
            assertThat(single(s, "select count(*) from book_log where book_id = '" + book.id + "'")).isEqualTo("1");
            assertThatThrownBy(() -> s.execute("create table intruder (x int)")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("drop table ledger_entry")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("must be owner");
            assertThatThrownBy(() -> s.execute("alter table checkpoint drop column note")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("must be owner");
        }

        try (ChildService again = ChildService.start(home.resolve("unused"), keys, log, arguments)) {
            assertThat(again.client.get("/api/books/" + book.id + "/head").json().get("size").asLong())
                    .as("a restart finds the books where they were").isEqualTo(size);
            assertVerifies(again.client, book.id, size);
        }
    }

    static void assertVerifies(LedgerClient client, String book, long size) {
        JsonNode verify = client.get("/api/books/" + book + "/verify").json();
        assertThat(verify.get("ok").asBoolean()).as(verify.toString()).isTrue();
        assertThat(verify.get("entries").asLong()).isEqualTo(size);
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
