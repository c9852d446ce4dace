package org.gongzhang.verifier.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.canonical.NotCanonicalizable;
import org.gongzhang.verifier.crypto.SigningKey;
import org.gongzhang.verifier.entry.EntryDraft;
import org.gongzhang.verifier.entry.EntryKind;
import org.gongzhang.verifier.entry.Role;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code ledger submit …}: builds the next entry of a book around a payload, signs it with the
 * caller's own key (so the entry is not custodial) and posts it to the server.
 */
final class SubmitCommand implements Command {

    private final Clock clock;

    SubmitCommand() {
        this(Clock.systemUTC());
    }

    SubmitCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public int run(Arguments args, PrintStream out, PrintStream err) throws IOException {
        args.allowing(Set.of("--server", "--key", "--suite", "--book", "--actor", "--role", "--kind", "--date"));
        SigningKey key = Suites.key(args);
        Draft draft = Draft.of(args, SignCommand.readJson(Path.of(args.single("payload file"))));
        LedgerServer server = LedgerServer.from(args);
        try {
            SignedEntry entry = envelope(draft, key, head(server, draft.book())).sign(key.privateKey());
            LedgerServer.Answer answer = server.postJson("/api/books/" + ExportCommand.path(draft.book()) + "/entries",
                    entry.leaf());
            (answer.ok() ? out : err).println(answer.text());
            return answer.ok() ? LedgerCli.OK : LedgerCli.FAILED;
        } catch (LedgerServer.Unreachable | HeadUnavailable e) {
            err.println("submit: " + e.getMessage());
            return LedgerCli.FAILED;
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
        LedgerServer.Answer answer = server.get("/api/books/" + ExportCommand.path(book) + "/head", "application/json");
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

    private EntryDraft envelope(Draft draft, SigningKey key, Head head) {
        return new EntryDraft(draft.book(), head.size(), head.hash(), draft.kind().wireName(), draft.actor(),
                draft.role(), key.keyId(), key.suite(), false, UUID.randomUUID().toString(), clock.instant(),
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
