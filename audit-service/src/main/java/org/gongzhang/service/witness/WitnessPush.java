package org.gongzhang.service.witness;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.gongzhang.service.entry.BookHead;
import org.gongzhang.service.entry.LedgerIndex;
import org.gongzhang.service.log.CheckpointSigned;
import org.gongzhang.service.log.Checkpoints;
import org.gongzhang.service.log.Cosignatures;
import org.gongzhang.service.log.LogKey;
import org.gongzhang.service.log.LogKeyRotated;
import org.gongzhang.service.log.SplitViews;
import org.gongzhang.verifier.checkpoint.LogKeyRotation;
import org.gongzhang.verifier.checkpoint.NoteSignature;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.merkle.ConsistencyProof;
import org.gongzhang.verifier.witness.AddCheckpointRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Asks every independent witness to cosign each book's latest checkpoint, off the append path:
 * right after a checkpoint's signing commits, and again every
 * {@code ledger.witness-push.retry-interval} for any witness that does not hold it yet (unreachable,
 * timed out, or started after the service). Each request carries a consistency proof from the size
 * the witness cosigned last, which the service remembers or learns from the witness's 409 answer.
 *
 * <p>Each witness has a thread and a queue of its own ({@link Lane}): one that is down, or takes
 * requests and never answers, costs its own queue the timeout, never another witness's
 * cosignatures. Once a request could not reach it, checkpoints signed meanwhile are not queued for
 * it: the next retry asks it once, and offers it every book it lacks when it answers. A book queued
 * again before its push ran is pushed once, at its latest checkpoint.
 *
 * <p>A witness that refuses the checkpoint as not extending what it cosigned (422, or 400 for a
 * smaller one) caught a split view (分叉视图): logged at ERROR, the book marked in
 * {@link SplitViews}, so the log signs nothing further for it. The refused checkpoint is still
 * shown to the other witnesses (each keeps its own evidence), once each.
 *
 * <p>Before a checkpoint, each witness is sent the log key rotations it has not acknowledged
 * ({@code POST /log-key-rotation}), so that it trusts the key the checkpoint is signed by.
 */
@Component
class WitnessPush implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WitnessPush.class);
    private static final int CONFLICT_ROUNDS = 3;

    private final Witnesses witnesses;
    private final WitnessClient client;
    private final Checkpoints checkpoints;
    private final Cosignatures cosignatures;
    private final LedgerIndex index;
    private final SplitViews splitViews;
    private final LogKey logKey;
    private final Map<String, Integer> rotationsDelivered = new ConcurrentHashMap<>();
    private final WitnessProperties.WitnessPush settings;
    private final List<Lane> lanes;

    WitnessPush(Witnesses witnesses, WitnessProperties properties, Checkpoints checkpoints,
            Cosignatures cosignatures, LedgerIndex index, SplitViews splitViews, LogKey logKey) {
        this.logKey = logKey;
        this.witnesses = witnesses;
        this.settings = properties.witnessPush();
        this.client = new WitnessClient(settings.timeout());
        this.checkpoints = checkpoints;
        this.cosignatures = cosignatures;
        this.index = index;
        this.splitViews = splitViews;
        List<IndependentWitness> all = witnesses.all();
        this.lanes = IntStream.range(0, all.size()).mapToObj(i -> new Lane(all.get(i), i + 1)).toList();
    }

    /**
     * One witness's thread and queue. Only its thread talks to the witness, so its requests go one at
     * a time and in order (a log key rotation before the checkpoints signed by the new key).
     */
    private final class Lane {

        final IndependentWitness witness;
        final ScheduledExecutorService thread;
        /** Books whose latest checkpoint waits in this lane's queue. */
        private final Set<String> queued = ConcurrentHashMap.newKeySet();
        /** The last request could not reach the witness: the next retry asks it again, nothing is queued meanwhile. */
        volatile boolean unreachable;

        Lane(IndependentWitness witness, int number) {
            this.witness = witness;
            this.thread = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread t = new Thread(task, "witness-push-" + number);
                t.setDaemon(true);
                return t;
            });
        }

        /** Queues the book's latest checkpoint for the witness, unless it is queued already or the witness is not reached. */
        void offer(String book) {
            if (unreachable || !queued.add(book)) {
                return;
            }
            try {
                thread.execute(() -> {
                    queued.remove(book);
                    if (!unreachable) {
                        guarded(() -> {
                            if (deliverRotations(this)) {
                                push(book, this);
                            }
                        });
                    }
                });
            } catch (RejectedExecutionException stopping) {
                // the service is stopping; the witness is offered the checkpoint by the next start's retry
                queued.remove(book);
            }
        }

        /** Offers the witness the latest checkpoint of every book it does not hold; stops early when it is not reached. */
        void sweep() {
            if (!deliverRotations(this)) {
                return;
            }
            for (String book : witnesses.behind(witness)) {
                if (!push(book, this)) {
                    break;
                }
            }
        }
    }

    /** Sends the rotation to every witness, each in its own lane, before any checkpoint signed by the new key. */
    @EventListener
    void on(LogKeyRotated rotated) {
        lanes.forEach(lane -> lane.thread.execute(() -> guarded(() -> deliverRotations(lane))));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CheckpointSigned signed) {
        lanes.forEach(lane -> lane.offer(signed.book()));
    }

    /**
     * Every retry interval, each witness is offered the latest checkpoint of every book it does not
     * hold (found in one query, not three per book of the city every interval).
     */
    @EventListener(ApplicationReadyEvent.class)
    void startRetrying() {
        long millis = settings.retryInterval().toMillis();
        lanes.forEach(lane -> lane.thread.scheduleWithFixedDelay(() -> guarded(lane::sweep), millis, millis,
                TimeUnit.MILLISECONDS));
    }

    /**
     * Sends the witness every log key rotation it has not acknowledged since the service started
     * (a witness answers 200 again to one it holds), oldest first; stops at the first it does not
     * accept, with an ERROR once per rotation. False when the witness could not be reached.
     */
    private boolean deliverRotations(Lane lane) {
        IndependentWitness witness = lane.witness;
        List<LogKeyRotation> rotations = logKey.rotations().rotations();
        int delivered = rotationsDelivered.getOrDefault(witness.name(), 0);
        for (int i = delivered; i < rotations.size(); i++) {
            WitnessClient.Reply reply;
            try {
                reply = client.addRotation(witness, rotations.get(i).toString());
            } catch (IOException e) {
                lane.unreachable = true;
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            lane.unreachable = false;
            if (reply.status() != 200) {
                if (witnesses.failed(witness, "*", i + 1, "log key rotation " + (i + 1) + " refused: HTTP "
                        + reply.status() + " " + reply.body().strip())) {
                    log.error("Witness {} did not accept log key rotation {} to {}: HTTP {} {}", witness.name(), i + 1,
                            rotations.get(i).newKey(), reply.status(), reply.body().strip());
                }
                return true;
            }
            rotationsDelivered.put(witness.name(), i + 1);
        }
        return true;
    }

    /** Pushes the book's latest checkpoint to the witness; false when the witness could not be reached. */
    private boolean push(String book, Lane lane) {
        IndependentWitness witness = lane.witness;
        Optional<Checkpoints.Stored> latest = checkpoints.latest(book);
        if (latest.isEmpty() || splitViews.refusedBy(book, witness.name())) {
            return true;
        }
        Checkpoints.Stored checkpoint = latest.get();
        OptionalLong remembered = witnesses.cosignedSize(book, witness);
        if (remembered.isPresent() && remembered.getAsLong() == checkpoint.size()) {
            return true;
        }
        long old = remembered.orElse(0L);
        for (int round = 0; round < CONFLICT_ROUNDS; round++) {
            Optional<String> body = request(book, checkpoint, old);
            if (body.isEmpty()) {
                return true;
            }
            WitnessClient.Reply reply;
            try {
                reply = client.addCheckpoint(witness, body.get());
            } catch (IOException e) {
                lane.unreachable = true;
                witnesses.failed(witness, book, checkpoint.size(), "unreachable: " + e);
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            lane.unreachable = false;
            switch (reply.status()) {
                case 200 -> {
                    accept(book, checkpoint, witness, reply.body());
                    return true;
                }
                case 409 -> {
                    Optional<Long> known = size(reply.body());
                    if (known.isEmpty()) {
                        witnesses.failed(witness, book, checkpoint.size(), "409 without a size: " + reply.body().strip());
                        return true;
                    }
                    old = known.get();
                    witnesses.remember(book, witness, old);
                }
                case 400, 422 -> {
                    refused(book, checkpoint, witness, reply, body.get());
                    return true;
                }
                default -> {
                    if (witnesses.failed(witness, book, checkpoint.size(), "HTTP " + reply.status() + ": "
                            + reply.body().strip())) {
                        log.error("Witness {} did not cosign checkpoint {} of book {}: HTTP {} {} (logged once until"
                                + " it answers otherwise)", witness.name(), checkpoint.size(), book, reply.status(),
                                reply.body().strip());
                    }
                    return true;
                }
            }
        }
        return true;
    }

    /**
     * The add-checkpoint body: {@code old}, the consistency proof from it over the entries the
     * service accepted, the checkpoint. Empty, with an ERROR, when those entries no longer hash to
     * the checkpoint's root.
     */
    private Optional<String> request(String book, Checkpoints.Stored checkpoint, long old) {
        long size = checkpoint.size();
        boolean held = index.head(book).map(BookHead::size).orElse(0L) >= size;
        List<byte[]> proof = List.of();
        byte[] root = null;
        if (held && old > 0 && old < size) {
            LedgerIndex.Proven<ConsistencyProof> proven = index.consistency(book, old, size);
            proof = proven.proof().hashes();
            root = proven.root();
        } else if (held) {
            root = index.root(book, size);
        }
        if (root == null || !Digests.hex(root).equals(checkpoint.root())) {
            log.error("Book {}: the accepted entries no longer hash to the checkpoint of {}; not sending it to witnesses",
                    book, size);
            return Optional.empty();
        }
        return Optional.of(AddCheckpointRequest.body(old, proof, checkpoint.signedNote()));
    }

    private void accept(String book, Checkpoints.Stored checkpoint, IndependentWitness witness, String answer) {
        SignedNote note = checkpoint.signedNote();
        List<NoteSignature> verified = answer.lines().filter(line -> !line.isBlank()).map(NoteSignature::parse)
                .filter(line -> note.with(List.of(line)).verifies(line, witness.key())).toList();
        if (verified.isEmpty()) {
            log.error("Witness {} answered no valid cosignature for checkpoint {} of book {}", witness.name(),
                    checkpoint.size(), book);
            witnesses.failed(witness, book, checkpoint.size(), "no valid cosignature in its answer");
            return;
        }
        cosignatures.add(book, checkpoint.size(), verified);
        witnesses.remember(book, witness, checkpoint.size());
        witnesses.cosigned(witness, book, checkpoint.size());
    }

    private void refused(String book, Checkpoints.Stored checkpoint, IndependentWitness witness, WitnessClient.Reply reply,
            String request) {
        log.error("SPLIT VIEW: witness {} refused checkpoint {} of book {} as not extending what it cosigned (HTTP {}: {});"
                + " no further checkpoint is signed for the book", witness.name(), checkpoint.size(), book,
                reply.status(), reply.body().strip());
        splitViews.record(book, witness.name(), checkpoint.size(), reply.status(), reply.body(), request);
        witnesses.failed(witness, book, checkpoint.size(), "SPLIT VIEW: " + reply.body().strip());
    }

    /** The size in a 409 answer ({@code text/x.tlog.size}: a decimal and a newline). */
    private static Optional<Long> size(String body) {
        try {
            return Optional.of(Long.parseLong(body.strip())).filter(size -> size >= 0);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.error("Pushing checkpoints to witnesses failed; retrying later", e);
        }
    }

    @Override
    public void destroy() {
        lanes.forEach(lane -> lane.thread.shutdownNow());
    }
}
