package org.gongzhang.service.report;

import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.gongzhang.reporting.projection.LedgerProjection;
import org.gongzhang.service.axon.ReportingRebuild;
import org.gongzhang.service.support.ServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rebuild benchmark of the reporting read model (not part of the build: its name is neither *Test
 * nor *IT). Copies the demo books' events under {@value #COPIES} new book ids per demo book (the
 * copies' signatures no longer verify; the projection does not check them), waits for the
 * projection, then resets the {@code reporting} processor and times the replay of the whole log.
 * The {@code checkpoints} processor logs errors for the copies, whose books the service does not hold.
 *
 * <pre>./mvnw -q -B -ntp -pl reporting,audit-service -am verify -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=RebuildBenchmark</pre>
 */
class RebuildBenchmark extends ServiceIT {

    private static final int COPIES = Integer.getInteger("rebuild.copies", 60);
    private static final int RUNS = 3;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ReportingRebuild rebuild;

    @Test
    void rebuildRate() {
        awaitCaughtUp();
        for (String book : List.of("lanyuan-public", "guiyuan-public")) {
            for (int copy = 1; copy <= COPIES; copy++) {
                copyBook(book, "bench-" + copy + "-" + book);
            }
        }
        long events = awaitCaughtUp();
        StreamingEventProcessor processor = processing
                .eventProcessor(LedgerProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        String before = tables();
        for (int run = 1; run <= RUNS; run++) {
            processor.shutDown();
            processor.resetTokens();
            long started = System.nanoTime();
            processor.start();
            awaitCaughtUp();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("reporting processor's replay, run %d: %,d events in %,.0f ms = %,.0f events/s%n", run,
                    events, seconds * 1000, events / seconds);
            started = System.nanoTime();
            ReportingRebuild.Result result = rebuild.rebuild();
            awaitCaughtUp();
            seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("ReportingRebuild, run %d: %,d events in %,.0f ms = %,.0f events/s (%,d read by it)%n", run,
                    events, seconds * 1000, events / seconds, result.events());
            if (!tables().equals(before)) {
                throw new AssertionError("the rebuilt read model differs from the one before");
            }
        }
    }

    private void copyBook(String book, String copy) {
        jdbc.update("""
                insert into domain_event_entry (global_index, sequence_number, meta_data, payload, aggregate_identifier,
                                                event_identifier, payload_revision, payload_type, time_stamp, type)
                select nextval('domain_event_entry_seq'), sequence_number, meta_data,
                       convert_to(replace(convert_from(payload, 'UTF8'), ?, ?), 'UTF8'), ?, gen_random_uuid()::text,
                       payload_revision, payload_type, time_stamp, type
                from (select * from domain_event_entry where aggregate_identifier = ? order by global_index) e""",
                book, copy, copy, book);
    }

    /** A digest of every reporting table's rows. */
    private String tables() {
        StringBuilder digest = new StringBuilder();
        for (String table : List.of("report_movement", "report_voucher_line", "report_voucher", "report_closed_period",
                "report_opening_balance", "report_account", "report_book", "report_position")) {
            digest.append(table).append(' ').append(jdbc.queryForObject(
                    "select count(*) || ' ' || coalesce(md5(string_agg(t::text, ',' order by t::text)), '') from " + table + " t",
                    String.class)).append('\n');
        }
        return digest.toString();
    }

    /** Waits until every event in the store has been applied; answers how many there are. */
    private long awaitCaughtUp() {
        long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(2)).until(() ->
                jdbc.queryForObject("select coalesce(sum(applied_index + 1), 0) from report_position", Long.class) == events);
        return events;
    }
}
