package org.gongzhang.service.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gongzhang.service.support.ChildService;
import org.gongzhang.service.support.PostgresServer;

/**
 * Issue 12's append rate with 1, 2 and 3 service nodes on one database: Debian's PostgreSQL server
 * started as its own process ({@link PostgresServer}, as the external-database tests do), up to
 * {@code nodes} service JVMs on it (full JIT, 1 GB heap each; one key store), and {@code clients}
 * clients signing {@code voucher.recorded} entries on books of their own, client {@code i} talking
 * to node {@code i mod n}. All nodes run throughout (the idle ones only poll); after a warm-up over
 * every node, each rate is measured for {@code seconds}, next to raw durable inserts of an entry's
 * size on the same server from as many connections. Everything shares this machine's cores. Not a test.
 *
 * <pre>java -cp "audit-service/target/test-classes:audit-service/target/classes:…" \
 *     org.gongzhang.service.bench.NodesBenchmark [clients 12] [seconds 15] [warmup 40] [nodes 3]</pre>
 */
public final class NodesBenchmark {

    private NodesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int clients = BenchOptions.positional(args, 0, 12);
        int seconds = BenchOptions.positional(args, 1, 15);
        int warmup = BenchOptions.positional(args, 2, 40);
        int most = BenchOptions.positional(args, 3, 3);
        if (!PostgresServer.installed()) {
            throw new IllegalStateException("Debian's PostgreSQL server is not installed (apt-get install postgresql)");
        }
        Path home = Files.createTempDirectory("gongzhang-nodes-bench");
        try (PostgresServer server = PostgresServer.start(home)) {
            PostgresServer.Database database = server.newDatabase();
            Path keys = Files.createDirectories(home.resolve("keys"));
            String[] arguments = database.serviceArguments().toArray(String[]::new);
            List<ChildService> nodes = new ArrayList<>();
            try {
                for (int i = 0; i < most; i++) {
                    nodes.add(ChildService.start(List.of("-Xmx1g"), home.resolve("node-" + i), keys,
                            home.resolve("node-" + i + ".log"), arguments));
                }
                System.out.printf("# %d service nodes on %s (its own server process, port %d); %d cores; %d clients; "
                        + "load average %s%n", most, server.version(), server.port(),
                        Runtime.getRuntime().availableProcessors(), clients, Machine.loadAverage());
                List<Integer> ports = nodes.stream().map(node -> node.port).toList();
                double warm = AppendBenchmark.appendRate(ports, clients, warmup);
                System.out.printf("warm-up: %d s over all %d nodes, %,.0f entries/s%n", warmup, most, warm);
                int rowBytes = AppendBenchmark.entryBytes(ports.get(0));
                try (HikariDataSource owner = owner(database)) {
                    System.out.println();
                    System.out.println("| nodes | signed appends over HTTP | raw durable inserts, same connections | ratio | load average after |");
                    System.out.println("|---|---|---|---|---|");
                    for (int n = 1; n <= most; n++) {
                        double raw = AppendBenchmark.insertRate(owner, clients, seconds, rowBytes);
                        double rate = AppendBenchmark.appendRate(ports.subList(0, n), clients, seconds);
                        System.out.printf("| %d | %,.0f /s | %,.0f /s | %.3f | %s |%n", n, rate, raw, rate / raw,
                                Machine.loadAverage());
                    }
                }
            } finally {
                for (ChildService node : nodes) {
                    node.close();
                }
            }
        }
    }

    /** The migration owner's connections: the raw-insert table needs the right to create it. */
    private static HikariDataSource owner(PostgresServer.Database database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setUsername(PostgresServer.OWNER);
        config.setPassword(PostgresServer.OWNER_PASSWORD);
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }
}
