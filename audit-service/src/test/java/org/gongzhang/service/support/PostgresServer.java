package org.gongzhang.service.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the operating system's own (Debian's {@code postgresql} package, as an IT
 * department would run it), started as its own process on its own port and data directory with
 * password authentication: not the embedded one. It has the two roles a deployment uses:
 * {@value #OWNER}, which owns the databases and runs the Flyway migrations, and {@value #APP}, the
 * role the service connects as, which may read and write rows but not change the schema. Neither
 * is a superuser. When the test runs as root the server runs as the {@code postgres} user, as the
 * package's own service does.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String OWNER = "gongzhang_owner";
    public static final String APP = "gongzhang_app";
    public static final String OWNER_PASSWORD = "owner-test-password";
    public static final String APP_PASSWORD = "app-test-password";
    private static final String SUPERUSER_PASSWORD = "superuser-test-password";

    private final Path bin;
    private final Path data;
    private final Path log;
    private final int port;
    private final boolean asPostgresUser;
    private final AtomicInteger databases = new AtomicInteger();

    /** The connection settings of one database on this server. */
    public record Database(String url, String name) {
        /** The service's command-line arguments for it: the app role for the service, the owner role for Flyway. */
        public List<String> serviceArguments() {
            return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + APP,
                    "--spring.datasource.password=" + APP_PASSWORD, "--spring.flyway.user=" + OWNER,
                    "--spring.flyway.password=" + OWNER_PASSWORD);
        }
    }

    private PostgresServer(Path bin, Path data, Path log, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.data = data;
        this.log = log;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** Whether this machine has a PostgreSQL server installed ({@code .ci/run} installs Debian's when missing). */
    public static boolean installed() {
        return binaries().isPresent();
    }

    /**
     * Stops the calling test as not run when no PostgreSQL server is installed, as the browser tests
     * do without Chromium; under {@code CI=true}, where {@code .ci/run} installs it, fails instead.
     */
    public static void assumeInstalled() {
        Prerequisites.require(installed(), "PostgreSQL's server is missing: apt-get install postgresql (.ci/run does)",
                "these tests need the operating system's PostgreSQL server (apt-get install postgresql)");
    }

    /** Initialises a cluster in a new directory under {@code parent} and starts it. */
    public static PostgresServer start(Path parent) throws Exception {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException(
                "no PostgreSQL server under /usr/lib/postgresql (apt-get install postgresql; .ci/run does)"));
        boolean root = "root".equals(System.getProperty("user.name"));
        Path home = Files.createTempDirectory(parent, "postgres-server");
        Path data = home.resolve("data");
        Path log = home.resolve("server.log");
        Path passwordFile = home.resolve("superuser-password");
        Files.writeString(passwordFile, SUPERUSER_PASSWORD + "\n");
        if (root) {
            run(List.of("chown", "-R", "postgres:postgres", home.toString()), home);
            run(List.of("chmod", "755", parent.toString(), home.toString()), home);
        }
        PostgresServer server = new PostgresServer(bin, data, log, ChildService.freePort(), root);
        server.pg(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                "--auth=scram-sha-256", "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C.UTF-8"), home);
        server.pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(), "-w",
                "-t", "60", "-o", "-p " + server.port + " -k " + home + " -c listen_addresses=localhost", "start"), home);
        server.asSuperuser("postgres", s -> {
            s.execute("create role " + OWNER + " login createdb password '" + OWNER_PASSWORD + "'");
            s.execute("create role " + APP + " login password '" + APP_PASSWORD + "'");
        });
        return server;
    }

    /**
     * A new, empty database owned by {@value #OWNER}, in which every table, sequence and function
     * the owner creates is usable (not alterable) by {@value #APP}.
     */
    public Database newDatabase() throws SQLException {
        String name = "ledger_" + databases.incrementAndGet();
        asSuperuser("postgres", s -> s.execute("create database " + name + " owner " + OWNER));
        asSuperuser(name, s -> {
            s.execute("revoke create on schema public from public");
            s.execute("grant usage on schema public to " + APP);
            s.execute("alter schema public owner to " + OWNER);
            s.execute("alter default privileges for role " + OWNER + " in schema public"
                    + " grant select, insert, update, delete on tables to " + APP);
            s.execute("alter default privileges for role " + OWNER + " in schema public"
                    + " grant usage, select, update on sequences to " + APP);
            s.execute("alter default privileges for role " + OWNER + " in schema public"
                    + " grant execute on functions to " + APP);
        });
        return new Database("jdbc:postgresql://localhost:" + port + "/" + name, name);
    }

    /** A connection to {@code database} as {@code user}. */
    public Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database, user, password);
    }

    public int port() {
        return port;
    }

    /** The server's version as it reports it, e.g. "15.14 (Debian 15.14-0+deb12u1)". */
    public String version() throws SQLException {
        try (Connection c = connect("postgres", "postgres", SUPERUSER_PASSWORD);
                var rs = c.createStatement().executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public void close() throws Exception {
        pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"),
                data.getParent());
    }

    private interface SqlWork {
        void run(Statement statement) throws SQLException;
    }

    private void asSuperuser(String database, SqlWork work) throws SQLException {
        try (Connection c = connect(database, "postgres", SUPERUSER_PASSWORD); Statement s = c.createStatement()) {
            work.run(s);
        }
    }

    /** Runs a PostgreSQL program, as the postgres user when the test runs as root. */
    private void pg(List<String> command, Path workDirectory) throws Exception {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full, workDirectory);
    }

    private static void run(List<String> command, Path workDirectory) throws Exception {
        Path output = Files.createTempFile("postgres-server-command", ".log");
        Process process = new ProcessBuilder(command).directory(workDirectory.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n"
                    + Files.readString(output, StandardCharsets.UTF_8));
        }
        Files.deleteIfExists(output);
    }

    /** The newest server under /usr/lib/postgresql/N/bin. */
    private static java.util.Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return java.util.Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString()
                            .replaceAll("\\D", "0"))));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
