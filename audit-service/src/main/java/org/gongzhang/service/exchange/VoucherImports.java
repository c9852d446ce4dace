package org.gongzhang.service.exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.gongzhang.reporting.exchange.ExchangeFormat;
import org.gongzhang.reporting.exchange.ExchangeQueries;
import org.gongzhang.reporting.exchange.FileProblem;
import org.gongzhang.reporting.exchange.ImportCheck;
import org.gongzhang.reporting.exchange.PlannedVoucher;
import org.gongzhang.reporting.exchange.SheetRow;
import org.gongzhang.reporting.exchange.UnreadableFile;
import org.gongzhang.reporting.exchange.VoucherColumn;
import org.gongzhang.service.attachment.AttachmentStore;
import org.gongzhang.service.axon.ReadModelNudge;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.entry.BookHead;
import org.gongzhang.service.entry.LedgerIndex;
import org.gongzhang.verifier.crypto.Digests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * 凭证导入: checks a whole file against the book and writes nothing unless all of it passes; then
 * stores the file as an attachment, records the import, and writes its vouchers (see
 * {@link ImportWriter}). Refusals: the signers (403, 422), the same file imported before or
 * vouchers the book already holds (409), any bad row (422, every problem by row). A failure to
 * store the first entry is the storage's (5xx, nothing written, the file may be sent again); one
 * after it stops the import as partial (409, {@code stoppedBy} {@code import.write.failed}).
 */
@Service
class VoucherImports {

    private static final Logger log = LoggerFactory.getLogger(VoucherImports.class);

    static final int MAX_BYTES = 20 * 1024 * 1024;
    static final int MAX_NAME = 200;
    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    private final BookDirectory directory;
    private final LedgerIndex index;
    private final ImportSigners signers;
    private final ExchangeQueries exchange;
    private final AttachmentStore attachments;
    private final ImportRecords records;
    private final ImportWriter writer;
    private final Clock clock;
    private final Duration readModelWait;
    /** Told before each pause while the check waits for the read model: its next look comes sooner. */
    private final ReadModelNudge readModel;

    VoucherImports(BookDirectory directory, LedgerIndex index, ImportSigners signers, ExchangeQueries exchange,
            AttachmentStore attachments, ImportRecords records, ImportWriter writer, Clock clock,
            ExchangeProperties properties, ReadModelNudge readModel) {
        this.directory = directory;
        this.index = index;
        this.signers = signers;
        this.exchange = exchange;
        this.attachments = attachments;
        this.records = records;
        this.writer = writer;
        this.clock = clock;
        this.readModelWait = properties.readModelWait();
        this.readModel = readModel;
    }

    /** A file as uploaded: its bytes, declared content type (may be null) and name (may be null). */
    record Upload(byte[] content, String contentType, String fileName) {
    }

    ImportRecord importFile(String book, Upload upload, ActingStaff staff) {
        acceptable(book, upload);
        ImportSigners.Signers keys = signers.resolve(book, staff);
        Read read = read(book, upload);
        return write(book, upload, read.format(), read.sha256(), read.checked(), keys);
    }

    /**
     * 检查: the whole file checked against the book as {@link #importFile} checks it, refused the same
     * way, and nothing written — not the file, not an import record, not an entry. A file that
     * passes comes back with its vouchers, for the preparer to record one by one in their own name
     * (the reviewer reviews and posts them later, in their own session). Such vouchers are written
     * through the voucher API, so a red voucher may cancel only a voucher the book has posted, not
     * one earlier in the same file. Vouchers the book holds recorded from the file and not yet
     * posted are a conflict, as numbered ones are: the file was checked and recorded before.
     */
    CheckedFile check(String book, Upload upload) {
        acceptable(book, upload);
        Read read = read(book, upload);
        List<PlannedVoucher> vouchers = read.checked().check().plan().vouchers();
        List<FileProblem> sameFile = vouchers.stream().filter(v -> v.reverses() instanceof PlannedVoucher.InFile)
                .map(v -> new FileProblem(v.firstRow(), VoucherColumn.SUMMARY, "import.red.same-file",
                        List.of(v.label())))
                .toList();
        if (!sameFile.isEmpty()) {
            throw ImportRefused.invalid(sameFile);
        }
        List<FileProblem> waiting = exchange.waiting(book, vouchers).stream()
                .map(v -> new FileProblem(v.firstRow(), null, "import.voucher.waiting", List.of(v.label())))
                .toList();
        if (!waiting.isEmpty()) {
            throw ImportRefused.alreadyInBook(waiting);
        }
        return new CheckedFile(read.sha256(), fileName(upload, read.format()), read.format(),
                read.checked().check().plan().rows(), vouchers);
    }

    /** A file that passed the check: its hash, name and format, its voucher rows and its vouchers in file order. */
    record CheckedFile(String sha256, String name, ExchangeFormat format, int rows, List<PlannedVoucher> vouchers) {
    }

    private void acceptable(String book, Upload upload) {
        directory.require(book);
        if (upload.content().length > MAX_BYTES) {
            throw LedgerRefusal.invalid("import.file.too-large", "body", MAX_BYTES);
        }
        if (upload.fileName() != null && upload.fileName().strip().length() > MAX_NAME) {
            throw LedgerRefusal.invalid("import.file.name-too-long", "fileName", MAX_NAME);
        }
    }

    /** The file read and checked at the book's head; refused unless every row passes. */
    private Read read(String book, Upload upload) {
        String sha256 = Digests.sha256Hex(upload.content());
        records.byFile(book, sha256).ifPresent(earlier -> {
            throw ImportRefused.duplicateFile(earlier);
        });
        ExchangeFormat format;
        List<SheetRow> rows;
        try {
            format = ExchangeFormat.of(upload.content(), upload.contentType());
            rows = format.read(upload.content());
        } catch (UnreadableFile e) {
            throw ImportRefused.invalid(List.of(e.problem()));
        }
        Checked checked = checkAtHead(book, rows);
        if (!checked.check().conflicts().isEmpty()) {
            throw ImportRefused.alreadyInBook(checked.check().conflicts());
        }
        if (!checked.check().passed()) {
            throw ImportRefused.invalid(checked.check().problems());
        }
        return new Read(sha256, format, checked);
    }

    private record Read(String sha256, ExchangeFormat format, Checked checked) {
    }

    private static String fileName(Upload upload, ExchangeFormat format) {
        return upload.fileName() == null || upload.fileName().isBlank()
                ? "vouchers." + format.extension() : upload.fileName().strip();
    }

    private ImportRecord write(String book, Upload upload, ExchangeFormat format, String sha256, Checked checked,
            ImportSigners.Signers keys) {
        String name = fileName(upload, format);
        ImportRecord running = new ImportRecord(UUID.randomUUID().toString(), book, sha256, name, format.name(),
                checked.check().plan().rows(), checked.check().plan().vouchers().size(), 0, "RUNNING",
                keys.preparer().actor(), keys.reviewer().actor(), clock.instant().truncatedTo(ChronoUnit.MICROS),
                null, null);
        attachments.store(book, upload.content(), format.mediaType());
        if (!records.claim(running)) {
            throw ImportRefused.duplicateFile(records.byFile(book, sha256).orElse(running));
        }
        ImportWriter.Outcome outcome = writer.write(checked.check().plan().vouchers(),
                new ImportWriter.Source(sha256, name), keys, checked.head());
        if (outcome.wroteNothing()) {
            records.forget(running);
            if (outcome.stoppedBy() instanceof LedgerRefusal refusal) {
                throw ImportRefused.interrupted(refusal);
            }
            // the storage's failure, not a refusal: answered (and logged) as any request's that stored nothing
            throw outcome.stoppedBy();
        }
        if (!outcome.complete() && !(outcome.stoppedBy() instanceof LedgerRefusal)) {
            log.error("Import {} into {} stopped after entry {} by a failure to store the next", running.importId(),
                    book, outcome.lastEntry(), outcome.stoppedBy());
        }
        ImportRecord finished = running.finished(outcome.complete() ? "COMPLETE" : "PARTIAL", outcome.written().size(),
                outcome.firstEntry(), outcome.lastEntry());
        records.finish(finished);
        if (!outcome.complete()) {
            throw ImportRefused.partial(finished, outcome);
        }
        return finished;
    }

    /**
     * The file checked against the book as of its head: waits (up to {@code ledger.exchange.read-model-wait})
     * until the read model has applied every entry, so that the numbers checked are the numbers
     * posting will give. While it waits it asks only how far the read model got (one row), and the
     * read model is told that someone waits ({@link ReadModelNudge#await}): the whole check every
     * 50 ms kept a file sent right after the book's last entries (or another book's import: the read
     * model applies one log) up to 50 ms too long, and the read model, idle, looked for them only
     * every 100 ms.
     */
    private Checked checkAtHead(String book, List<SheetRow> rows) {
        try {
            return readModel.await(() -> {
                BookHead head = index.head(book).orElseThrow();
                long atHead = head.size() - 1;
                if (exchange.appliedIndex(book).orElse(Long.MIN_VALUE) != atHead) {
                    return Optional.empty();
                }
                return exchange.check(book, rows, LocalDate.ofInstant(clock.instant(), BUSINESS_ZONE))
                        .filter(checked -> checked.appliedIndex() == atHead)
                        .map(checked -> new Checked(head, checked.check()));
            }, readModelWait).orElseThrow(() -> new LedgerRefusal(Kind.CONFLICT, "import.book.not-current", "book", book));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the read model", e);
        }
    }

    /** A check and the head it holds for. */
    private record Checked(BookHead head, ImportCheck check) {
    }
}
