package org.gongzhang.service.witness;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.gongzhang.verifier.checkpoint.NoteVerifierKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The configured independent witnesses, what each cosigned last per book (kept in the database, so
 * the next push carries a consistency proof from there), and how the latest exchange with each went
 * (kept in memory, for health).
 */
@Component
class Witnesses {

    private final List<IndependentWitness> witnesses;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();

    Witnesses(WitnessProperties properties, JdbcTemplate jdbc, Clock clock) {
        this.witnesses = properties.witnesses().stream()
                .map(w -> new IndependentWitness(w.url(), NoteVerifierKey.parse(w.key()))).toList();
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The latest exchange with one witness.
     *
     * @param book    the book it was about
     * @param size    the checkpoint's size
     * @param ok      true when the witness cosigned it
     * @param problem otherwise, what went wrong
     * @param at      when
     */
    record Outcome(String book, long size, boolean ok, Optional<String> problem, Instant at) {
    }

    List<IndependentWitness> all() {
        return witnesses;
    }

    /** The size of the checkpoint of {@code book} that the witness cosigned last, as far as the service knows. */
    OptionalLong cosignedSize(String book, IndependentWitness witness) {
        return jdbc.queryForList("select tree_size from witness_cosigned where book_id = ? and witness_name = ?",
                Long.class, book, witness.name()).stream().mapToLong(Long::longValue).findFirst();
    }

    /**
     * The books whose latest checkpoint the witness has not cosigned as far as the service knows (never
     * offered, or an older one), in the directory's key order, leaving out the books it refused as a
     * split view (no checkpoint is offered there again). One query for the whole city: a probe of the
     * checkpoint index per book, and only the books found behind are pushed.
     */
    List<String> behind(IndependentWitness witness) {
        return jdbc.queryForList("""
                select b.book_id
                from book b
                cross join lateral (select c.tree_size from checkpoint c where c.book_id = b.book_id
                                    order by c.tree_size desc limit 1) latest
                left join witness_cosigned w on w.book_id = b.book_id and w.witness_name = ?
                where (w.tree_size is null or w.tree_size <> latest.tree_size)
                  and not exists (select 1 from split_view s where s.book_id = b.book_id and s.witness_name = ?)
                order by b.book_id""", String.class, witness.name(), witness.name());
    }

    void remember(String book, IndependentWitness witness, long size) {
        jdbc.update("""
                insert into witness_cosigned (book_id, witness_name, tree_size, updated_at) values (?, ?, ?, ?)
                on conflict (book_id, witness_name) do update set tree_size = excluded.tree_size, updated_at = excluded.updated_at""",
                book, witness.name(), size, Timestamp.from(clock.instant()));
    }

    void cosigned(IndependentWitness witness, String book, long size) {
        outcomes.put(witness.name(), new Outcome(book, size, true, Optional.empty(), clock.instant()));
    }

    /** Records a failed exchange; true when the witness's previous exchange did not fail the same way. */
    boolean failed(IndependentWitness witness, String book, long size, String problem) {
        Outcome previous = outcomes.put(witness.name(), new Outcome(book, size, false, Optional.of(problem), clock.instant()));
        return previous == null || !previous.problem().equals(Optional.of(problem));
    }

    Optional<Outcome> outcome(IndependentWitness witness) {
        return Optional.ofNullable(outcomes.get(witness.name()));
    }
}
