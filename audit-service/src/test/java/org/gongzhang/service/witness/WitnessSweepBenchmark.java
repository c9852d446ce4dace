package org.gongzhang.service.witness;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.gongzhang.service.bench.OverviewBenchmark;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.book.BookSummary;
import org.gongzhang.service.log.Checkpoints;
import org.gongzhang.service.log.SplitViews;
import org.gongzhang.verifier.checkpoint.Cosigner;
import org.gongzhang.verifier.crypto.SignatureSuite;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a witness's retry sweep (every 10 s by default, for each witness) costs the database when the
 * witness already holds every book's latest checkpoint, the steady state: asking each book in turn
 * (its latest checkpoint, its split-view mark, the size the witness cosigned: three queries per book,
 * after listing the directory), against the one query that finds the books behind. The city is
 * {@code books} rows in {@code book} with {@code checkpoints} rows each in {@code checkpoint} (the
 * queries read rows, not signatures). p50 and max over 10 sweeps after 2 unmeasured. Not a test.
 *
 * <pre>java -cp "audit-service/target/test-classes:audit-service/target/classes:…" \
 *     org.gongzhang.service.witness.WitnessSweepBenchmark 10000 20</pre>
 */
public final class WitnessSweepBenchmark {

    private WitnessSweepBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int books = args.length == 0 ? 10_000 : Integer.parseInt(args[0]);
        int perBook = args.length < 2 ? 20 : Integer.parseInt(args[1]);
        try (ConfigurableApplicationContext context = OverviewBenchmark.demoService()) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            Witnesses witnesses = context.getBean(Witnesses.class);
            Checkpoints checkpoints = context.getBean(Checkpoints.class);
            SplitViews splitViews = context.getBean(SplitViews.class);
            BookDirectory directory = context.getBean(BookDirectory.class);
            IndependentWitness witness = new IndependentWitness(URI.create("http://127.0.0.1:9/"), Cosigner.of(
                    "witness.sweep.example/w1", SignatureSuite.ED25519.generateKeyPair()).verifierKey());

            long start = System.nanoTime();
            Timestamp now = Timestamp.from(Instant.now());
            String root = "0".repeat(64);
            for (int from = 0; from < books; from += 1_000) {
                List<Object[]> bookRows = new ArrayList<>();
                List<Object[]> checkpointRows = new ArrayList<>();
                for (int i = from; i < Math.min(books, from + 1_000); i++) {
                    String id = "sweep-" + UUID.randomUUID();
                    bookRows.add(new Object[] {id, "第" + i + "小区公共收益", "PUBLIC_INCOME", "c-" + id, "第" + i + "小区",
                            "sweep-community-" + i % 40, "社区" + i % 40, "sweep-street", "扫描街道", "2026-01", now});
                    for (int size = 1; size <= perBook; size++) {
                        checkpointRows.add(new Object[] {id, (long) size * 10, root, "note", now});
                    }
                }
                jdbc.batchUpdate("""
                        insert into book (book_id, name, fund, compound_id, compound_name, community_id, community_name,
                                          street_id, street_name, start_period, opened_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        bookRows);
                jdbc.batchUpdate("insert into checkpoint (book_id, tree_size, root, note, created_at) values (?, ?, ?, ?, ?)",
                        checkpointRows);
            }
            // the steady state: the witness holds every book's latest checkpoint
            jdbc.update("""
                    insert into witness_cosigned (book_id, witness_name, tree_size, updated_at)
                    select book_id, ?, max(tree_size), now() from checkpoint group by book_id""", witness.name());
            jdbc.execute("analyze");
            System.out.printf("%,d books with %,d checkpoints each written in %.1f s%n", books, perBook,
                    (System.nanoTime() - start) / 1e9);

            long[] oneByOne = time(() -> {
                int behind = 0;
                for (BookSummary book : directory.all()) {
                    String id = book.book();
                    boolean pushed = checkpoints.latest(id)
                            .filter(latest -> !splitViews.refusedBy(id, witness.name()))
                            .filter(latest -> witnesses.cosignedSize(id, witness).orElse(-1) != latest.size())
                            .isPresent();
                    behind += pushed ? 1 : 0;
                }
                return behind;
            });
            long[] oneQuery = time(() -> witnesses.behind(witness).size());
            report("each book in turn (3 queries per book)", oneByOne);
            report("one query", oneQuery);
            System.out.println("load average " + Files.readString(Path.of("/proc/loadavg")).strip());
        }
    }

    private interface Sweep {
        int run();
    }

    /** How many books the last sweep found behind (0 in the steady state, but for a demo book that signed one since). */
    private static int behindLast;

    private static long[] time(Sweep sweep) {
        long[] nanos = new long[10];
        for (int i = -2; i < nanos.length; i++) {
            long t = System.nanoTime();
            behindLast = sweep.run();
            if (i >= 0) {
                nanos[i] = System.nanoTime() - t;
            }
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void report(String how, long[] nanos) {
        System.out.printf("sweep, %s: p50 %.1f ms, max %.1f ms (%d books behind)%n", how, nanos[4] / 1e6, nanos[9] / 1e6,
                behindLast);
    }
}
