package org.gongzhang.service.disclosure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.service.book.BookSummary;
import org.gongzhang.service.security.Acting;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * 批量编制: one job drafts the statement of every compound of a community or street the caller
 * keeps the books of, one after the other; a compound that fails (an open period, say) is
 * reported with its reason and the others go on. Progress is readable while it runs. Jobs live in
 * memory: a restart forgets them, not the drafts (those are entries); a finished job is forgotten
 * {@code ledger.statement.batch-retention} (24 h) after it finished.
 */
@Component
public class StatementBatches {

    /** One compound's outcome. */
    public record Result(String book, String compound, String status, String statementId, Integer version,
            String code, String message, long millis) {
    }

    /** A job: how far it is and what each compound gave. */
    public record Job(String id, String scope, String from, String to, int total, int done, boolean finished,
            Instant startedAt, Long millis, List<Result> results) {
    }

    private final StatementPublication publication;
    private final MessageSource messages;
    private final Clock clock;
    private final Duration retention;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "statement-batch");
        t.setDaemon(true);
        return t;
    });

    StatementBatches(StatementPublication publication, MessageSource messages, Clock clock,
            @Value("${ledger.statement.batch-retention:PT24H}") Duration retention) {
        this.publication = publication;
        this.messages = messages;
        this.clock = clock;
        this.retention = retention;
    }

    /** Starts the job for {@code books}, each acted on as given; answers at once with the job. */
    public Job start(String scope, String from, String to, String threshold, List<Acting> books, Locale locale) {
        forgetFinishedLongAgo();
        String id = UUID.randomUUID().toString();
        Instant started = clock.instant();
        jobs.put(id, new Job(id, scope, from, to, books.size(), 0, books.isEmpty(), started,
                books.isEmpty() ? 0L : null, List.of()));
        worker.submit(() -> run(id, from, to, threshold, books, locale));
        return jobs.get(id);
    }

    public Optional<Job> find(String id) {
        forgetFinishedLongAgo();
        return Optional.ofNullable(jobs.get(id));
    }

    /** Drops the jobs that finished more than the retention ago, so the jobs kept stay few. */
    private void forgetFinishedLongAgo() {
        Instant cutoff = clock.instant().minus(retention);
        jobs.values().removeIf(job -> job.finished() && job.startedAt().plusMillis(job.millis()).isBefore(cutoff));
    }

    private void run(String id, String from, String to, String threshold, List<Acting> books, Locale locale) {
        List<Result> results = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        for (Acting acting : books) {
            BookSummary book = acting.book();
            long t0 = System.nanoTime();
            Result result;
            try {
                StatementVersion drafted = publication.draft(acting, from, to, threshold, null, null);
                result = new Result(book.book(), book.compound().name(), "DRAFTED", drafted.statementId(),
                        drafted.version(), null, null, millis(t0));
            } catch (LedgerRefusal refusal) {
                result = new Result(book.book(), book.compound().name(), "FAILED", null, null, refusal.code(),
                        messages.getMessage(refusal.code(), refusal.args(), refusal.code(), locale), millis(t0));
            } catch (RuntimeException e) {
                result = new Result(book.book(), book.compound().name(), "FAILED", null, null, "batch.failed",
                        messages.getMessage("batch.failed", new Object[] {e.getClass().getSimpleName()}, locale),
                        millis(t0));
            }
            results.add(result);
            Job job = jobs.get(id);
            boolean last = results.size() == books.size();
            jobs.put(id, new Job(id, job.scope(), from, to, books.size(), results.size(), last, job.startedAt(),
                    last ? Duration.ofNanos(System.nanoTime() - start).toMillis() : null, List.copyOf(results)));
        }
    }

    private static long millis(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0).toMillis();
    }
}
