package org.gongzhang.verifier.statement;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongzhang.verifier.entry.EntryHeader;

/**
 * The statements (公示表) a book's log speaks of, replayed from its {@code statement.*} entries:
 * every version with its content hash, sign-off (会签), posting period (公示期) and correction
 * (更正), and the checkpoint each draft says it rests on. Like {@link BookReplay} it trusts the
 * entries to follow the ledger's rules; a payload it cannot read counts for nothing, except that a
 * draft then claims no checkpoint, which the verifier reports.
 */
public final class StatementLog {

    private final Map<String, StatementVersion> byId = new HashMap<>();
    private final List<StatementVersion> inOrder = new ArrayList<>();
    private final List<Draft> drafts = new ArrayList<>();

    private StatementLog() {
    }

    /**
     * A {@code statement.drafted} entry and the checkpoint it says the statement rests on: the log
     * of {@code size} entries before it, with Merkle root {@code root} (hex). {@code size} is -1 and
     * {@code root} empty when the payload holds no readable checkpoint.
     */
    public record Draft(long index, long size, String root) {

        public boolean readable() {
            return size >= 0;
        }
    }

    /** Replays the {@code statement.*} entries among {@code entries}, given in index order; other kinds are passed over. */
    public static StatementLog of(List<EntryHeader> entries) {
        StatementLog log = new StatementLog();
        entries.forEach(log::apply);
        return log;
    }

    /** True for the kinds this log replays. */
    public static boolean replays(EntryHeader header) {
        return header.kind().startsWith("statement.");
    }

    /** Every draft, in index order. */
    public List<Draft> drafts() {
        return List.copyOf(drafts);
    }

    /** The draft at entry {@code index}, if that entry is one. */
    public Optional<Draft> draftAt(long index) {
        return drafts.stream().filter(d -> d.index() == index).findFirst();
    }

    /** The latest version whose draft cites {@code contentHash}, as it stands at the end of the log. */
    public Optional<StatementVersion> citing(String contentHash) {
        Optional<StatementVersion> found = Optional.empty();
        for (StatementVersion drafted : inOrder) {
            if (drafted.contentHash().equals(contentHash)) {
                found = Optional.of(byId.get(drafted.statementId()));
            }
        }
        return found;
    }

    /** The statement {@code statementId} as it stands at the end of the log. */
    public Optional<StatementVersion> find(String statementId) {
        return Optional.ofNullable(byId.get(statementId));
    }

    private void apply(EntryHeader header) {
        JsonNode payload = header.payload();
        String statementId = text(payload, "statementId");
        switch (header.kind()) {
            case "statement.drafted" -> drafted(header, statementId);
            case "statement.withdrawn" -> byId.computeIfPresent(statementId, (id, v) -> v.withdraw());
            case "statement.signed" -> byId.computeIfPresent(statementId,
                    (id, v) -> v.signedBy(new StatementVersion.SignOff(header.actor(), header.index())));
            case "statement.published" -> published(header, statementId);
            default -> {
                // not a statement entry
            }
        }
    }

    private void drafted(EntryHeader header, String statementId) {
        JsonNode payload = header.payload();
        JsonNode checkpoint = payload.path("checkpoint");
        JsonNode size = checkpoint.path("size");
        String root = text(checkpoint, "root");
        boolean readable = size.isIntegralNumber() && size.canConvertToLong() && size.longValue() >= 0 && root != null;
        drafts.add(readable ? new Draft(header.index(), size.longValue(), root) : new Draft(header.index(), -1, ""));
        String contentHash = text(payload, "contentHash");
        if (statementId == null || contentHash == null) {
            return;
        }
        Optional<String> corrects = Optional.ofNullable(text(payload, "corrects"));
        int version = corrects.map(byId::get).map(corrected -> corrected.version() + 1).orElse(1);
        StatementVersion drafted = StatementVersion.drafted(statementId, version, header.index(), header.actor(),
                contentHash, corrects);
        byId.put(statementId, drafted);
        inOrder.add(drafted);
    }

    private void published(EntryHeader header, String statementId) {
        Optional<LocalDate> from = date(header.payload(), "postingFrom");
        Optional<LocalDate> until = date(header.payload(), "postingUntil");
        StatementVersion version = byId.get(statementId);
        if (version == null || from.isEmpty() || until.isEmpty()) {
            return;
        }
        byId.put(statementId, version.publishedFor(new StatementVersion.Posting(from.get(), until.get(), header.index())));
        version.corrects().ifPresent(corrected -> byId.computeIfPresent(corrected, (id, v) -> v.supersededBy(statementId)));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.textValue() : null;
    }

    private static Optional<LocalDate> date(JsonNode node, String field) {
        String text = text(node, field);
        try {
            return Optional.ofNullable(text).map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
