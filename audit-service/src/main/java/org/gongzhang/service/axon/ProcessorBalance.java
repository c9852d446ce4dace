package org.gongzhang.service.axon;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Shares the streaming processors' segments among the service nodes of one database. Axon gives each
 * segment to whichever node claims it first, and a pooled processor's coordinator claims every
 * segment it finds free: on its own, the first node to start did all of a processor's work while the
 * others only stood by. Every {@link #BEAT} each node marks itself alive in {@code service_node}, counts the
 * nodes seen within {@link #ALIVE}, and releases the segments it holds beyond its share (the
 * segments divided by the nodes, rounded up), highest first; another node's coordinator takes each one
 * over. A node that dies stops beating and its claims time out, so the others take its segments
 * back. One node alone keeps everything. Only segments move: Axon's claims still give each segment
 * to one node at a time, so no event is applied twice.
 */
@Component
class ProcessorBalance implements SmartLifecycle {

    static final Duration BEAT = Duration.ofSeconds(3);
    static final Duration ALIVE = Duration.ofSeconds(12);

    private static final Logger log = LoggerFactory.getLogger(ProcessorBalance.class);

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final String node = UUID.randomUUID().toString();
    private ScheduledExecutorService timer;

    ProcessorBalance(JdbcTemplate jdbc, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.processing = processing;
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "processor-balance");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::beatQuietly, BEAT.toMillis(), BEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        timer = null;
        try {
            jdbc.update("delete from service_node where node_id = ?", node);
        } catch (RuntimeException e) {
            log.debug("Could not sign this node off: {}", e.toString());
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    /** Before the processors stop (they are stopped at the default phase), after they started. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1;
    }

    private void beatQuietly() {
        try {
            beat();
        } catch (RuntimeException e) {
            // the database may be away for a while: the next beat tries again
            log.debug("Processor balance skipped a beat: {}", e.toString());
        }
    }

    /** Marks this node alive and releases the segments it holds beyond its share. */
    void beat() {
        jdbc.update("""
                insert into service_node (node_id, seen_at) values (?, now())
                on conflict (node_id) do update set seen_at = excluded.seen_at""", node);
        int nodes = jdbc.queryForObject("select count(*) from service_node where seen_at > now() - make_interval(secs => ?)",
                Integer.class, (double) ALIVE.toSeconds());
        for (Object each : processing.eventProcessors().values()) {
            if (each instanceof StreamingEventProcessor processor && processor.isRunning()) {
                balance(processor, Math.max(1, nodes));
            }
        }
    }

    private void balance(StreamingEventProcessor processor, int nodes) {
        int segments = jdbc.queryForObject("select count(*) from token_entry where processor_name = ?", Integer.class,
                processor.getName());
        if (segments == 0) {
            return; // not initialised yet
        }
        int share = (segments + nodes - 1) / nodes;
        List<Integer> held = processor.processingStatus().keySet().stream().sorted(Comparator.reverseOrder()).toList();
        for (int i = 0; i < held.size() - share; i++) {
            log.info("Processor {}: releasing segment {} of {} to the other {} node(s)", processor.getName(),
                    held.get(i), segments, nodes - 1);
            processor.releaseSegment(held.get(i));
        }
    }
}
