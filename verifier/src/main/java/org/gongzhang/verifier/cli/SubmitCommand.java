package org.gongzhang.verifier.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.canonical.NotCanonicalizable;
import org.gongzhang.verifier.crypto.SigningKey;
import org.gongzhang.verifier.entry.EntryDraft;
import org.gongzhang.verifier.entry.EntryKind;
import org.gongzhang.verifier.entry.LeaseStatement;
import org.gongzhang.verifier.entry.Role;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code ledger submit …}: builds the next entry of a book around a payload, signs it with the
 * caller's own key (so the entry is not custodial) and posts it to the server, under the book's
 * lease when the server grants one, and again at the new head (up to {@value #ATTEMPTS} times in
 * all) when another writer appended first.
 */
final class SubmitCommand implements Command {

    private final Clock clock;

    SubmitCommand() {
        this(Clock.systemUTC());
    }

    SubmitCommand(Clock clock) {
        this.clock = clock;
    }

    /** How many times an entry is signed and posted when the book moved on under it (409 at a stale head). */
    static final int ATTEMPTS = 3;

    /** How long the server may queue the lease request behind other writers, in seconds. */
    static final int LEASE_WAIT_SECONDS = 10;

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) throws IOException {
        args.allowing(Set.of("--server", "--key", "--suite", "--book", "--actor", "--role", "--kind", "--date"));
        SigningKey key = Suites.key(args);
        Draft draft = Draft.of(args, SignCommand.readJson(Path.of(args.single("payload file"))));
        LedgerServer server = LedgerServer.from(args);
        // one submission id for every attempt: an attempt that was stored after all makes the next
        // one a reused submission (409), never a second copy of the entry
        String submission = UUID.randomUUID().toString();
        try {
            for (int attempt = 1; ; attempt++) {
                Place place = place(server, draft.book(), key);
                SignedEntry entry = envelope(draft, key, place.head(), submission).sign(key.privateKey());
                LedgerServer.Answer answer = server.postJson(bookPath(draft.book()) + "/entries", entry.leaf(),
                        place.lease());
                if (!answer.ok() && place.lease() != null) {
                    server.delete(bookPath(draft.book()) + "/lease/" + place.lease());
                }
                String code = problemCode(answer);
                if (answer.status() == 409 && code != null && RACES.contains(code) && attempt < ATTEMPTS) {
                    err.println("submit: the book moved on before the entry arrived (" + code
                            + "); signing it again at the new head");
                    continue;
                }
                (answer.ok() ? out : err).println(answer.text());
                return answer.ok() ? LedgerCli.OK : LedgerCli.FAILED;
            }
        } catch (LedgerServer.Unreachable | HeadUnavailable e) {
            err.println("submit: " + e.getMessage());
            return LedgerCli.FAILED;
        }
    }

    /** Refusals that mean only that another writer appended first: signing again at the new head is right. */
    private static final Set<String> RACES = Set.of("entry.index.stale", "entry.prev.mismatch", "book.lease.held");

    /**
     * Where to sign: under the book's lease (docs/signing.md), so that no other writer appends
     * between this head and the post. Without one (a book not opened yet, a key the book has not
     * registered, a server without leases) at the head the book has now, and the server judges.
     */
    private Place place(LedgerServer server, String book, SigningKey key)
            throws LedgerServer.Unreachable, HeadUnavailable {
        String requested = clock.instant().toString();
        byte[] signature = key.sign(LeaseStatement.bytes(book, key.keyId(), requested));
        Map<String, String> request = new LinkedHashMap<>();
        request.put("key", key.keyId());
        request.put("requested", requested);
        request.put("signature", Base64.getEncoder().encodeToString(signature));
        LedgerServer.Answer answer = server.postJson(bookPath(book) + "/lease?wait=" + LEASE_WAIT_SECONDS,
                CanonicalJson.canonicalize(request));
        if (answer.status() == 503) {
            throw new HeadUnavailable("the book's other writers kept it busy for " + LEASE_WAIT_SECONDS
                    + " s; try again: " + answer.text());
        }
        if (!answer.ok()) {
            return new Place(head(server, book), null);
        }
        try {
            JsonNode lease = CanonicalJson.parse(answer.text());
            if (!lease.path("lease").isTextual() || !lease.path("index").canConvertToLong()
                    || !lease.path("prev").isTextual()) {
                throw new HeadUnavailable("the book's lease has no lease, index and prev: " + answer.text());
            }
            return new Place(new Head(lease.get("index").longValue(), lease.get("prev").textValue()),
                    lease.get("lease").textValue());
        } catch (NotCanonicalizable e) {
            throw new HeadUnavailable("the book's lease is not JSON: " + answer.text());
        }
    }

    /** The head to sign at, and the lease that keeps it the head until the entry is posted (or null). */
    record Place(Head head, String lease) {
    }

    private static String bookPath(String book) {
        return "/api/books/" + ExportCommand.path(book);
    }

    /** The refusal's {@code code} when the answer is a problem+json, else null. */
    private static String problemCode(LedgerServer.Answer answer) {
        if (answer.ok()) {
            return null;
        }
        try {
            return CanonicalJson.parse(answer.text()).path("code").textValue();
        } catch (NotCanonicalizable e) {
            return null;
        }
    }

    /** What the caller asked to submit, checked before the server is contacted. */
    record Draft(String book, String actor, Role role, EntryKind kind, LocalDate businessDate, JsonNode payload) {

        static Draft of(Arguments args, JsonNode payload) {
            Role role = Role.parse(args.required("--role"))
                    .orElseThrow(() -> new UsageError("unknown role " + args.required("--role")));
            EntryKind kind = EntryKind.byWireName(args.required("--kind"))
                    .orElseThrow(() -> new UsageError("unknown kind " + args.required("--kind")));
            if (!payload.isObject()) {
                throw new UsageError("the payload must be a JSON object");
            }
            return new Draft(args.required("--book"), args.required("--actor"), role, kind, date(args.required("--date")),
                    payload);
        }
    }

    /** Where the book's log ends: its size (the next index) and the hash of its last entry. */
    record Head(long size, String hash) {
    }

    private static Head head(LedgerServer server, String book) throws LedgerServer.Unreachable, HeadUnavailable {
        LedgerServer.Answer answer = server.get(bookPath(book) + "/head", "application/json");
        if (answer.status() == 404) {
            return new Head(0, SignedEntry.GENESIS_PREV);
        }
        if (!answer.ok()) {
            throw new HeadUnavailable("the server answered " + answer.status() + " for the book's head: " + answer.text());
        }
        try {
            JsonNode json = CanonicalJson.parse(answer.text());
            if (!json.path("size").canConvertToLong() || !json.path("head").isTextual()) {
                throw new HeadUnavailable("the book's head has no size and head: " + answer.text());
            }
            return new Head(json.get("size").longValue(), json.get("head").textValue());
        } catch (NotCanonicalizable e) {
            throw new HeadUnavailable("the book's head is not JSON: " + answer.text());
        }
    }

    private EntryDraft envelope(Draft draft, SigningKey key, Head head, String submission) {
        return new EntryDraft(draft.book(), head.size(), head.hash(), draft.kind().wireName(), draft.actor(),
                draft.role(), key.keyId(), key.suite(), false, submission, clock.instant(),
                draft.businessDate(), draft.payload());
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageError("--date must be yyyy-MM-dd, not " + text);
        }
    }

    /** The server would not say where the book's log ends. */
    static final class HeadUnavailable extends Exception {
        HeadUnavailable(String message) {
            super(message);
        }
    }
}
