package org.gongzhang.reporting.projection;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongzhang.core.account.Side;
import org.gongzhang.core.voucher.VoucherLine;
import org.gongzhang.core.voucher.VoucherWord;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read model's writes of one transaction of the reporting processor (a batch of events), held
 * in memory and written with one JDBC batch per table just before the transaction commits
 * ({@link #flush}). A replay of the log applies a voucher's 录入, 审核 and 记账 within one batch:
 * held here, the voucher is written once, posted, instead of an insert and two updates, and each
 * book's position moves once per batch instead of once per event. Anything that must read what the
 * batch wrote (a 红字冲销 reads the voucher it cancels) flushes the vouchers first.
 *
 * <p>Only the processor's thread uses a batch, and only within its transaction: a failed
 * transaction drops it with everything else, and the events come again.
 */
final class ProjectionBatch {

    private final JdbcTemplate jdbc;
    /** Per book, the index of the last entry applied (-1: none yet), as this batch has moved it. */
    private final Map<String, Long> positions = new HashMap<>();
    private final Set<String> moved = new LinkedHashSet<>();
    /** Vouchers recorded in this batch and not yet written, in the order recorded. */
    private final Map<VoucherKey, PendingVoucher> vouchers = new LinkedHashMap<>();
    /** 发生额 added by vouchers posted in this batch and not yet written: debit and credit 分. */
    private final Map<MovementKey, long[]> movements = new LinkedHashMap<>();
    /** The last 凭证号 given per 凭证字 and period, as of this batch. */
    private final Map<NumberKey, Integer> lastNumbers = new HashMap<>();

    ProjectionBatch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Moves the book's position to entry {@code index}; false when it was applied before or does not
     * come next. Entries apply in order without gaps, so a redelivered event changes nothing, and an
     * event that could not be read (a tampered event table) holds the book's reports at the entry
     * before it, which every report says by its {@code appliedIndex}, instead of adding up a log with
     * a hole in it. The stored position is read once per batch, locked until the batch commits.
     */
    boolean advance(String book, long index) {
        long applied = positions.computeIfAbsent(book, this::storedPosition);
        if (index != applied + 1) {
            return false;
        }
        positions.put(book, index);
        moved.add(book);
        return true;
    }

    private long storedPosition(String book) {
        List<Long> rows = jdbc.queryForList("select applied_index from report_position where book_id = ? for update",
                Long.class, book);
        return rows.isEmpty() ? -1 : rows.get(0);
    }

    void record(PendingVoucher voucher) {
        vouchers.put(new VoucherKey(voucher.book, voucher.id), voucher);
    }

    /** The voucher recorded in this batch and not written yet, or null. */
    PendingVoucher pending(String book, String voucherId) {
        return vouchers.get(new VoucherKey(book, voucherId));
    }

    /** The next 凭证号 of {@code word} in {@code period}: one past the last one given, in this batch or before it. */
    int nextNumber(String book, VoucherWord word, String period) {
        NumberKey key = new NumberKey(book, word.character(), period);
        int next = lastNumbers.computeIfAbsent(key, k -> jdbc.queryForObject("""
                select coalesce(max(number), 0) from report_voucher
                where book_id = ? and word = ? and period = ? and number is not null""",
                Integer.class, k.book(), k.word(), k.period())) + 1;
        lastNumbers.put(key, next);
        return next;
    }

    /** Adds a posted voucher's lines to its period's 发生额. */
    void addMovements(PendingVoucher voucher) {
        for (VoucherLine line : voucher.lines) {
            long[] sides = movements.computeIfAbsent(new MovementKey(voucher.book, voucher.period,
                    line.account().value()), k -> new long[2]);
            sides[line.side() == Side.DEBIT ? 0 : 1] += line.amount().fen();
        }
    }

    /** Writes the vouchers and 发生额 held so far, so that what follows in this batch can read them. */
    void flushVouchers() {
        if (!vouchers.isEmpty()) {
            List<Object[]> rows = new ArrayList<>(vouchers.size());
            List<Object[]> lines = new ArrayList<>();
            for (PendingVoucher v : vouchers.values()) {
                rows.add(new Object[] {v.book, v.id, v.word.character(), Date.valueOf(v.date), v.period, v.status,
                        v.number, v.lines.get(0).summary(), v.debitTotal(), v.attachments, v.preparer, v.reviewer,
                        v.poster, v.reverses != null, v.reverses, v.corrects, v.recordedIndex, v.postedIndex});
                for (int i = 0; i < v.lines.size(); i++) {
                    VoucherLine line = v.lines.get(i);
                    lines.add(new Object[] {v.book, v.id, i + 1, line.summary(), line.account().value(),
                            line.side() == Side.DEBIT ? line.amount().fen() : 0L,
                            line.side() == Side.CREDIT ? line.amount().fen() : 0L});
                }
            }
            jdbc.batchUpdate("""
                    insert into report_voucher (book_id, voucher_id, word, voucher_date, period, status, number, summary,
                                                debit_total, attachments, preparer, reviewer, poster, red, reverses,
                                                corrects, recorded_index, posted_index)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
            jdbc.batchUpdate("""
                    insert into report_voucher_line (book_id, voucher_id, line_no, summary, account, debit_fen, credit_fen)
                    values (?, ?, ?, ?, ?, ?, ?)""", lines);
            vouchers.clear();
        }
        if (!movements.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into report_movement (book_id, period, account, debit_fen, credit_fen)
                    values (?, ?, ?, ?, ?)
                    on conflict (book_id, period, account) do update
                    set debit_fen = report_movement.debit_fen + excluded.debit_fen,
                        credit_fen = report_movement.credit_fen + excluded.credit_fen""",
                    movements.entrySet().stream().map(e -> new Object[] {e.getKey().book(), e.getKey().period(),
                            e.getKey().account(), e.getValue()[0], e.getValue()[1]}).toList());
            movements.clear();
        }
    }

    /** Writes everything the batch holds: vouchers, 发生额 and the books' positions. */
    void flush() {
        flushVouchers();
        if (!moved.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into report_position (book_id, applied_index) values (?, ?)
                    on conflict (book_id) do update set applied_index = excluded.applied_index""",
                    moved.stream().map(book -> new Object[] {book, positions.get(book)}).toList());
            moved.clear();
        }
    }

    /** A voucher as recorded, then maybe reviewed, posted or voided, before it is written. */
    static final class PendingVoucher {

        final String book;
        final String id;
        final VoucherWord word;
        final LocalDate date;
        final String period;
        final int attachments;
        final List<VoucherLine> lines;
        final String preparer;
        final String reverses;
        final String corrects;
        final long recordedIndex;
        String status = "RECORDED";
        String reviewer;
        String poster;
        Integer number;
        Long postedIndex;

        PendingVoucher(String book, String id, VoucherWord word, LocalDate date, String period, int attachments,
                List<VoucherLine> lines, String preparer, String reverses, String corrects, long recordedIndex) {
            this.book = book;
            this.id = id;
            this.word = word;
            this.date = date;
            this.period = period;
            this.attachments = attachments;
            this.lines = lines;
            this.preparer = preparer;
            this.reverses = reverses;
            this.corrects = corrects;
            this.recordedIndex = recordedIndex;
        }

        long debitTotal() {
            return lines.stream().filter(l -> l.side() == Side.DEBIT).mapToLong(l -> l.amount().fen()).sum();
        }
    }

    private record VoucherKey(String book, String voucherId) {
    }

    private record MovementKey(String book, String period, String account) {
    }

    private record NumberKey(String book, String word, String period) {
    }
}
