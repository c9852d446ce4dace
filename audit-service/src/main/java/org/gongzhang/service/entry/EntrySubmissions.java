package org.gongzhang.service.entry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.gongzhang.core.book.api.AppendEntryCommand;
import org.gongzhang.core.book.api.BookId;
import org.gongzhang.core.book.api.EntryReceipt;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.core.book.api.OpenBookCommand;
import org.gongzhang.core.book.api.RefusalCode;
import org.gongzhang.service.attachment.AttachmentStore;
import org.gongzhang.service.axon.BookCache;
import org.gongzhang.verifier.canonical.NotCanonicalizable;
import org.gongzhang.verifier.entry.EntryHeader;
import org.gongzhang.verifier.entry.EntryKind;
import org.gongzhang.verifier.entry.KeyRegistry;
import org.gongzhang.verifier.entry.MalformedEntry;
import org.gongzhang.verifier.entry.SignedEntry;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Accepts signed entries. A submission id seen before answers with the first result and stores
 * nothing; everything else goes to the book aggregate, which appends it or refuses it whole. Both
 * happen under the book's append lock ({@link BookWrites}).
 */
@Service
public class EntrySubmissions {

    private final CommandGateway commands;
    private final AttachmentStore attachments;
    private final BookWrites writes;
    private final BookCache cache;
    /** Per book, its size after this node's last append: anything else in the database means another node wrote. */
    private final Map<String, Long> appendedHere = new ConcurrentHashMap<>();

    EntrySubmissions(CommandGateway commands, AttachmentStore attachments, BookWrites writes,
            BookCache cache) {
        this.cache = cache;
        this.commands = commands;
        this.attachments = attachments;
        this.writes = writes;
    }

    /**
     * The outcome: the receipt, whether it answers a replay of an earlier submission, and the key
     * that signed the entry posted (null when not known).
     */
    public record Outcome(EntryReceipt receipt, boolean replayed, String signer) {

        public Outcome(EntryReceipt receipt, boolean replayed) {
            this(receipt, replayed, null);
        }

        /** The answer's status over HTTP: 201 for a new entry, 200 for a replay. */
        public HttpStatus status() {
            return replayed ? HttpStatus.OK : HttpStatus.CREATED;
        }
    }

    /** An entry the service built (and signed, or had signed within the same request): waits out another writer's lease. */
    public Outcome submit(String bookId, String body) {
        return submit(bookId, body, null, false);
    }

    /**
     * An entry its writer signed and posted ({@code POST …/entries}), with the book's lease if they
     * took one ({@code lease}, else null): refused with 409 {@code book.lease.held} while another
     * writer holds the lease. A lease is also used by an entry signed with the key it was granted to.
     */
    public Outcome submitSigned(String bookId, String body, String lease) {
        return submit(bookId, body, lease, true);
    }

    private Outcome submit(String bookId, String body, String lease, boolean signed) {
        SignedEntry entry = parse(body);
        EntryHeader header = header(entry);
        if (!header.book().equals(bookId) || !BookId.isValid(bookId)) {
            throw LedgerRefusal.invalid("entry.book.mismatch", "entry.book", bookId);
        }
        // the signature checked here, on the request's own thread, in parallel with other requests:
        // the book checks it again under its lock only if this could not (a key not seen yet)
        KeyRegistry.verifyAhead(entry, header);
        // under the book's append lock nothing lands between the replay check and the append
        Function<LedgerIndex.Seen, Outcome> write = seen -> replayOf(entry, header, seen).orElseGet(() -> {
            requireAtHead(header, seen);
            requireAttachmentsStored(header);
            return append(entry, header);
        });
        return signed ? writes.appendSigned(bookId, lease, header.keyId(), header.submission(), write)
                : writes.append(bookId, header.submission(), write);
    }

    /**
     * Refuses an entry signed at a head that has moved on, from the book's one log row, as the book
     * itself would ({@code entry.index.stale}, {@code entry.prev.mismatch}) but before the command:
     * a command that fails evicts the cached book, and writers racing on one book made every
     * refusal cost the next writer a reload.
     */
    private void requireAtHead(EntryHeader header, LedgerIndex.Seen seen) {
        if (EntryKind.BOOK_OPENED.wireName().equals(header.kind())) {
            return;
        }
        seen.head().ifPresent(head -> {
            if (header.index() != head.size()) {
                throw RefusalCode.ENTRY_INDEX_STALE.at("entry.index", head.size());
            }
            if (!header.prev().equals(head.head())) {
                throw RefusalCode.ENTRY_PREV_MISMATCH.at("entry.prev", head.head());
            }
            if (!Long.valueOf(head.size()).equals(appendedHere.get(header.book()))) {
                // another service node appended since this one did (or this one never did): the
                // cached book is behind the database, and would refuse an entry at the real head
                cache.evict(header.book());
            }
        });
    }

    /**
     * A voucher may cite only files this book's attachment store holds: asked without reading them
     * (an imported file, cited by each of its vouchers with 附单据, was read whole for every one).
     */
    private void requireAttachmentsStored(EntryHeader header) {
        if (!EntryKind.VOUCHER_RECORDED.wireName().equals(header.kind())) {
            return;
        }
        JsonNode files = header.payload().path("attachments").path("files");
        for (int i = 0; i < files.size(); i++) {
            String sha256 = files.get(i).path("sha256").asText();
            if (sha256.matches("[0-9a-f]{64}") && !attachments.holds(header.book(), sha256)) {
                throw new LedgerRefusal(Kind.INVALID, "voucher.attachment.not-stored",
                        "entry.payload.attachments.files[" + i + "].sha256", sha256);
            }
        }
    }

    private Outcome append(SignedEntry entry, EntryHeader header) {
        BookId bookId = new BookId(header.book());
        try {
            if (EntryKind.BOOK_OPENED.wireName().equals(header.kind())) {
                commands.sendAndWait(new OpenBookCommand(bookId, entry));
                appendedHere.put(header.book(), 1L);
                // a tree of one leaf has that leaf's hash as its root
                return new Outcome(new EntryReceipt(header.book(), 0, entry.hash(), entry.hash()), false, header.keyId());
            }
            EntryReceipt receipt = commands.sendAndWait(new AppendEntryCommand(bookId, entry));
            appendedHere.put(header.book(), receipt.index() + 1);
            return new Outcome(receipt, false, header.keyId());
        } catch (AggregateNotFoundException e) {
            throw new LedgerRefusal(Kind.NOT_FOUND, "book.not-found", "entry.book", header.book());
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            // a duplicate key: only a writer that bypassed the append lock gets here; its transaction
            // is lost, so no replay check. Any other failure to store (EventStoreException) is the
            // storage's, answered as such (ProblemAdvice), not as a race.
            throw raced(header);
        }
    }

    private java.util.Optional<Outcome> replayOf(SignedEntry entry, EntryHeader header, LedgerIndex.Seen seen) {
        return seen.submitted().map(first -> {
            if (!first.hash().equals(entry.hash())) {
                throw new LedgerRefusal(Kind.CONFLICT, "entry.submission.reused", "entry.submission",
                        header.submission(), first.index());
            }
            return new Outcome(first, true, header.keyId());
        });
    }

    private static LedgerRefusal raced(EntryHeader header) {
        return EntryKind.BOOK_OPENED.wireName().equals(header.kind())
                ? new LedgerRefusal(Kind.CONFLICT, "book.exists", "entry.book", header.book())
                : new LedgerRefusal(Kind.CONFLICT, "entry.index.stale", "entry.index", header.index());
    }

    private static SignedEntry parse(String body) {
        try {
            return SignedEntry.fromLeaf(body);
        } catch (NotCanonicalizable e) {
            throw LedgerRefusal.invalid("entry.json.malformed", null, reasonOf(e));
        } catch (MalformedEntry e) {
            throw malformed(e);
        }
    }

    /**
     * Why the text is not canonical JSON, as a message of its own ({@code entry.json.reason.*}) that
     * the answer says in the caller's language; the parser's English words only as its fallback.
     */
    private static MessageSourceResolvable reasonOf(NotCanonicalizable e) {
        String reason = e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
        if (e.reason() == NotCanonicalizable.Reason.SYNTAX && (e.line() < 1 || e.column() < 1)) {
            reason = "syntax-somewhere";
        }
        return new DefaultMessageSourceResolvable(new String[] {"entry.json.reason." + reason},
                new Object[] {e.detail(), e.line(), e.column()}, e.getMessage());
    }

    /**
     * The field alone is the message's argument, as in the ledger's own refusals: the verifier's
     * reason ({@link MalformedEntry#getMessage()}) is English and would show in a zh-CN answer.
     */
    private static LedgerRefusal malformed(MalformedEntry e) {
        return LedgerRefusal.invalid("entry.malformed", e.field(), e.field());
    }

    private static EntryHeader header(SignedEntry entry) {
        try {
            return entry.header();
        } catch (MalformedEntry e) {
            throw malformed(e);
        }
    }
}
