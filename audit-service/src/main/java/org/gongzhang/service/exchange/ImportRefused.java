package org.gongzhang.service.exchange;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.reporting.exchange.FileProblem;
import org.gongzhang.reporting.exchange.PlannedVoucher;

/**
 * An import the service refuses, with everything the caller needs to fix the file: the problems by
 * row ({@link #problems()}), and for an import stopped midway, which vouchers were written
 * ({@link #details()}) and the refusal that stopped it ({@link #stoppedBy()}). {@link #code()} is
 * a message key whose arguments are {@link #args()}.
 */
public final class ImportRefused extends RuntimeException {

    private final Kind kind;
    private final String code;
    private final transient Object[] args;
    private final transient List<FileProblem> problems;
    private final transient Map<String, Object> details;
    private final transient LedgerRefusal stoppedBy;

    private ImportRefused(Kind kind, String code, List<FileProblem> problems, Map<String, Object> details,
            LedgerRefusal stoppedBy, Object... args) {
        super(code + " " + Arrays.toString(args));
        this.kind = kind;
        this.code = code;
        this.args = args.clone();
        this.problems = List.copyOf(problems);
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        this.stoppedBy = stoppedBy;
    }

    /** 422: rows that cannot be imported; nothing was written. */
    static ImportRefused invalid(List<FileProblem> problems) {
        return new ImportRefused(Kind.INVALID, "import.invalid", problems, Map.of(), null,
                String.valueOf(problems.size()));
    }

    /** 409: the book already holds vouchers of this file; nothing was written. */
    static ImportRefused alreadyInBook(List<FileProblem> conflicts) {
        return new ImportRefused(Kind.CONFLICT, "import.vouchers.exist", conflicts, Map.of(), null,
                String.valueOf(conflicts.size()));
    }

    /** 409: the same file was imported into the book before; nothing was written. */
    static ImportRefused duplicateFile(ImportRecord earlier) {
        return new ImportRefused(Kind.CONFLICT, "import.file.duplicate", List.of(),
                Map.of("importId", earlier.importId()), null, earlier.fileSha256(), earlier.importedAt().toString());
    }

    /**
     * 409: the book refused the first entry (most likely someone else wrote to the book just then);
     * nothing was written, the file may be sent again.
     */
    static ImportRefused interrupted(LedgerRefusal stop) {
        return new ImportRefused(Kind.CONFLICT, "import.interrupted", List.of(), Map.of(), refusal(stop));
    }

    /**
     * 409: writing stopped midway, after at least one entry; says which vouchers were written and
     * posted, and which one was left recorded or reviewed but not posted.
     */
    static ImportRefused partial(ImportRecord record, ImportWriter.Outcome outcome) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("importId", record.importId());
        details.put("written", outcome.written().stream()
                .map(w -> voucher(w.voucher(), w.voucherId(), "POSTED")).toList());
        if (outcome.unfinished() != null) {
            ImportWriter.Unfinished left = outcome.unfinished();
            details.put("unfinished", voucher(left.voucher(), left.voucherId(), left.status()));
        }
        details.put("firstEntryIndex", outcome.firstEntry());
        details.put("lastEntryIndex", outcome.lastEntry());
        int notPosted = outcome.unfinished() != null ? outcome.unfinished().voucher().firstRow()
                : outcome.written().get(outcome.written().size() - 1).voucher().lastRow() + 1;
        return new ImportRefused(Kind.CONFLICT, "import.partial", List.of(), details, refusal(outcome.stoppedBy()),
                String.valueOf(outcome.written().size()), String.valueOf(record.vouchers()), String.valueOf(notPosted));
    }

    private static Map<String, Object> voucher(PlannedVoucher v, String id, String status) {
        Map<String, Object> written = new LinkedHashMap<>();
        written.put("voucher", v.label());
        written.put("period", v.period().toString());
        written.put("firstRow", v.firstRow());
        written.put("lastRow", v.lastRow());
        written.put("voucherId", id);
        written.put("status", status);
        return written;
    }

    /**
     * What stopped writing, as a refusal; any other failure (the storage's) becomes
     * {@code import.write.failed}, without its own words: they are the database's, in English, and
     * not the caller's to read (the service logs them).
     */
    private static LedgerRefusal refusal(RuntimeException stop) {
        return stop instanceof LedgerRefusal refusal ? refusal
                : new LedgerRefusal(Kind.CONFLICT, "import.write.failed", null);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<FileProblem> problems() {
        return problems;
    }

    /** Further members of the problem+json answer, by name. */
    public Map<String, Object> details() {
        return details;
    }

    /** The ledger's refusal that stopped writing, or null. */
    public LedgerRefusal stoppedBy() {
        return stoppedBy;
    }
}
