package org.gongzhang.service.exchange;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gongzhang.core.account.Side;
import org.gongzhang.core.book.api.EntryReceipt;
import org.gongzhang.core.voucher.VoucherLine;
import org.gongzhang.reporting.exchange.PlannedVoucher;
import org.gongzhang.service.custody.CustodialKey;
import org.gongzhang.service.custody.CustodialSigner;
import org.gongzhang.service.entry.BookHead;
import org.gongzhang.service.entry.BookWrites;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a checked file's vouchers through the ordinary signed-entry path, in file order: the
 * preparer records each one ({@code voucher.recorded}, or {@code voucher.reversed} for a red one),
 * the reviewer reviews and posts it, so it takes the file's 凭证号.
 *
 * <p>Each entry is signed to follow the previous one exactly: if anyone else appends to the book
 * meanwhile, the next entry is refused as stale and writing stops there, so the numbers posted are
 * always the file's. Every entry's submission id names the file, {@code import:<sha256>:<n>:<step>},
 * so the signed log itself says where each imported voucher came from. A voucher with 附单据 also
 * cites the file among them; the ledger allows no more cited files than 附单据数, so a voucher
 * without 附单据 is traced by its submission ids alone.
 *
 * <p>The vouchers are written {@code ledger.exchange.import-chunk} at a time in one transaction
 * (25 by default, 75 entries): the book's append lock is held from the chunk's first entry to its
 * commit, so nobody appends in between, and the chunk costs one commit instead of one per entry;
 * its entries are appended together ({@link BookWrites#appendTogether}): only the first reads the
 * book's head, and what they store goes to the database in parts of 25 entries, each sent while the
 * next are built, and the rest at the chunk's end ({@code HeldAppends}).
 * When an entry of a chunk is refused, nothing of the chunk was stored: it is written again one
 * entry per transaction, so that writing stops exactly at the refused entry, as it always did.
 */
@Component
class ImportWriter {

    private final CustodialSigner signer;
    private final BookWrites writes;
    private final TransactionTemplate transaction;
    private final int chunk;

    ImportWriter(CustodialSigner signer, BookWrites writes, PlatformTransactionManager transactions,
            @Value("${ledger.exchange.import-chunk:25}") int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("ledger.exchange.import-chunk must be 1 or more vouchers: " + chunk);
        }
        this.signer = signer;
        this.writes = writes;
        this.transaction = new TransactionTemplate(transactions);
        this.chunk = chunk;
    }

    /** The source file as the vouchers cite it. */
    record Source(String sha256, String name) {
    }

    /** A voucher written and posted. */
    record Written(PlannedVoucher voucher, String voucherId) {
    }

    /** A voucher recorded (and maybe reviewed) but not posted when writing stopped. */
    record Unfinished(PlannedVoucher voucher, String voucherId, String status) {
    }

    /**
     * What writing did: the vouchers written, the one left unposted if any, the refusal that
     * stopped it (null when it finished), and the range of entries it appended (null when none).
     */
    record Outcome(List<Written> written, Unfinished unfinished, RuntimeException stoppedBy, Long firstEntry,
            Long lastEntry) {

        boolean complete() {
            return stoppedBy == null;
        }

        boolean wroteNothing() {
            return firstEntry == null;
        }
    }

    Outcome write(List<PlannedVoucher> vouchers, Source source, ImportSigners.Signers signers, BookHead head) {
        Appender appender = new Appender(head, source);
        List<String> ids = vouchers.stream().map(v -> UUID.randomUUID().toString()).toList();
        List<Written> written = new ArrayList<>();
        for (int from = 0; from < vouchers.size(); from += chunk) {
            int to = Math.min(from + chunk, vouchers.size());
            Appender.Mark before = appender.mark();
            int writtenBefore = written.size();
            boolean[] wrote = {false};
            try {
                int first = from;
                transaction.executeWithoutResult(status -> {
                    writes.appendTogether(head.book(), () -> {
                        for (int i = first; i < to; i++) {
                            writeVoucher(appender, vouchers, ids, i, signers, source, new String[1]);
                            written.add(new Written(vouchers.get(i), ids.get(i)));
                        }
                    });
                    wrote[0] = true;
                });
            } catch (RuntimeException chunkFailed) {
                appender.reset(before);
                written.subList(writtenBefore, written.size()).clear();
                if (wrote[0]) {
                    // the commit itself failed: nothing to write again, and nothing known to be stored
                    return new Outcome(written, null, chunkFailed, appender.first, appender.last);
                }
                // refused inside the chunk, which stored nothing: again entry by entry, to stop at that entry
                for (int i = from; i < to; i++) {
                    Outcome stopped = writeAlone(appender, vouchers, ids, i, signers, source, written);
                    if (stopped != null) {
                        return stopped;
                    }
                }
            }
        }
        return new Outcome(written, null, null, appender.first, appender.last);
    }

    /** Voucher {@code i} in three entries of their own transactions; the outcome if it stopped there, else null. */
    private Outcome writeAlone(Appender appender, List<PlannedVoucher> vouchers, List<String> ids, int i,
            ImportSigners.Signers signers, Source source, List<Written> written) {
        String[] status = {null};
        try {
            writeVoucher(appender, vouchers, ids, i, signers, source, status);
            written.add(new Written(vouchers.get(i), ids.get(i)));
            return null;
        } catch (RuntimeException stop) {
            Unfinished unfinished = status[0] == null ? null : new Unfinished(vouchers.get(i), ids.get(i), status[0]);
            return new Outcome(written, unfinished, stop, appender.first, appender.last);
        }
    }

    /** Voucher {@code i}: recorded (or reversed), reviewed and posted; {@code status[0]} says how far it got. */
    private void writeVoucher(Appender appender, List<PlannedVoucher> vouchers, List<String> ids, int i,
            ImportSigners.Signers signers, Source source, String[] status) {
        PlannedVoucher voucher = vouchers.get(i);
        String id = ids.get(i);
        if (voucher.red()) {
            appender.append(signers.preparer(), i, "voucher.reversed", voucher.date(), reversal(id, voucher, ids, source));
        } else {
            appender.append(signers.preparer(), i, "voucher.recorded", voucher.date(), recorded(id, voucher, source));
        }
        status[0] = "RECORDED";
        appender.append(signers.reviewer(), i, "voucher.reviewed", voucher.date(), voucherId(id));
        status[0] = "REVIEWED";
        appender.append(signers.reviewer(), i, "voucher.posted", voucher.date(), voucherId(id));
    }

    private static ObjectNode recorded(String id, PlannedVoucher voucher, Source source) {
        ObjectNode payload = voucherId(id).put("word", voucher.word().character())
                .put("date", voucher.date().toString());
        ObjectNode attachments = payload.putObject("attachments").put("count", voucher.attachments());
        ArrayNode files = attachments.putArray("files");
        if (voucher.attachments() > 0) {
            files.addObject().put("sha256", source.sha256()).put("name", source.name());
        }
        payload.putNull("corrects");
        ArrayNode lines = payload.putArray("lines");
        for (VoucherLine line : voucher.lines()) {
            lines.addObject().put("summary", line.summary()).put("account", line.account().value())
                    .put(line.side() == Side.DEBIT ? "debit" : "credit", line.amount().format());
        }
        return payload;
    }

    /** 红字冲销 of a voucher in the book or written earlier from the same file. */
    private static ObjectNode reversal(String id, PlannedVoucher red, List<String> ids, Source source) {
        String reverses = red.reverses() instanceof PlannedVoucher.InFile inFile ? ids.get(inFile.voucher())
                : ((PlannedVoucher.InBook) red.reverses()).voucherId();
        return voucherId(id).put("reverses", reverses).put("date", red.date().toString())
                .put("reason", redReason(red, source));
    }

    /** The reason a red voucher from a file records: the file, its rows and its hash. */
    static String redReason(PlannedVoucher red, Source source) {
        return "导入文件 " + source.name() + " 第 " + red.firstRow() + "-" + red.lastRow()
                + " 行的红字凭证（SHA-256 " + source.sha256() + "）";
    }

    private static ObjectNode voucherId(String id) {
        return CanonicalJson.mapper().createObjectNode().put("voucherId", id);
    }

    /** Appends entry after entry, each signed to follow the one before. */
    private final class Appender {

        private final Source source;
        private BookHead head;
        private Long first;
        private Long last;

        Appender(BookHead head, Source source) {
            this.head = head;
            this.source = source;
        }

        /** Where the appender is: what {@link #reset} goes back to when a chunk is rolled back. */
        record Mark(BookHead head, Long first, Long last) {
        }

        Mark mark() {
            return new Mark(head, first, last);
        }

        void reset(Mark mark) {
            head = mark.head();
            first = mark.first();
            last = mark.last();
        }

        void append(CustodialKey key, int voucher, String kind, LocalDate date, ObjectNode payload) {
            String step = kind.substring(kind.indexOf('.') + 1);
            String submission = "import:" + source.sha256() + ":" + (voucher + 1) + ":" + step;
            EntryReceipt receipt = signer.submitAfter(head, key, submission, kind, date, payload);
            head = new BookHead(head.book(), receipt.index() + 1, receipt.hash(), null);
            first = first == null ? receipt.index() : first;
            last = receipt.index();
        }
    }
}
