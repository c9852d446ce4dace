package org.gongzhang.reporting.projection;

import java.time.LocalDate;
import java.util.List;
import org.gongzhang.core.book.api.payload.VoucherRecorded;
import org.gongzhang.core.book.api.payload.VoucherReversed;
import org.gongzhang.core.period.Period;
import org.gongzhang.core.voucher.RedVoucher;
import org.gongzhang.core.voucher.VoucherLine;
import org.gongzhang.core.voucher.VoucherWord;
import org.gongzhang.reporting.projection.ProjectionBatch.PendingVoucher;
import org.gongzhang.reporting.voucher.VoucherLines;
import org.gongzhang.verifier.entry.EntryHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes 记账凭证 through 录入 → 审核 → 记账 (or 作废): the voucher, its 分录, and on posting its
 * 凭证号 and the 发生额 it adds to each account's period. A voucher recorded in the current processor
 * batch changes in memory and is written once with the batch ({@link ProjectionBatch}); one recorded
 * in an earlier batch changes in its row.
 */
final class VoucherWriter {

    private static final Logger log = LoggerFactory.getLogger(VoucherWriter.class);

    private final JdbcTemplate jdbc;

    VoucherWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(ProjectionBatch batch, EntryHeader header, VoucherRecorded voucher) {
        batch.record(pending(header, voucher.voucherId(), voucher.word(), voucher.date(), voucher.attachments().count(),
                voucher.lines(), null, voucher.corrects()));
    }

    /** 红字冲销: the red voucher takes the original's 凭证字 and its lines negated, as the ledger derives them. */
    void reverse(ProjectionBatch batch, EntryHeader header, VoucherReversed reversal) {
        batch.flushVouchers(); // the original may be among the batch's vouchers
        Original original = jdbc.queryForObject("""
                select word, voucher_date, number from report_voucher where book_id = ? and voucher_id = ?""",
                (rs, n) -> new Original(VoucherWord.byCharacter(rs.getString(1)).orElseThrow(),
                        rs.getDate(2).toLocalDate(), rs.getInt(3)),
                header.book(), reversal.reverses());
        String summary = RedVoucher.summary(original.date(), original.word(), original.number());
        batch.record(pending(header, reversal.voucherId(), original.word(), reversal.date(), 0,
                RedVoucher.lines(VoucherLines.of(jdbc, header.book(), reversal.reverses()), summary), reversal.reverses(), null));
        jdbc.update("update report_voucher set reversed_by = ? where book_id = ? and voucher_id = ?",
                reversal.voucherId(), header.book(), reversal.reverses());
    }

    void review(ProjectionBatch batch, EntryHeader header, String voucherId) {
        PendingVoucher pending = batch.pending(header.book(), voucherId);
        if (pending != null) {
            pending.status = "REVIEWED";
            pending.reviewer = header.actor();
            return;
        }
        jdbc.update("update report_voucher set status = 'REVIEWED', reviewer = ? where book_id = ? and voucher_id = ?",
                header.actor(), header.book(), voucherId);
    }

    void voidVoucher(ProjectionBatch batch, EntryHeader header, String voucherId) {
        PendingVoucher pending = batch.pending(header.book(), voucherId);
        if (pending != null) {
            pending.status = "VOIDED";
            return;
        }
        jdbc.update("update report_voucher set status = 'VOIDED' where book_id = ? and voucher_id = ?",
                header.book(), voucherId);
    }

    /**
     * 记账: the next 凭证号 of the voucher's 凭证字 in its period, derived here as the ledger does; the
     * number the event carries is only compared. Its lines add to their accounts' 发生额.
     */
    void post(ProjectionBatch batch, EntryHeader header, String voucherId, int numberInEvent) {
        PendingVoucher pending = batch.pending(header.book(), voucherId);
        if (pending != null) {
            pending.number = numbered(batch, header, voucherId, pending.word, pending.period, numberInEvent);
            pending.status = "POSTED";
            pending.poster = header.actor();
            pending.postedIndex = header.index();
            batch.addMovements(pending);
            return;
        }
        Stored stored = jdbc.queryForObject("select word, period from report_voucher where book_id = ? and voucher_id = ?",
                (rs, n) -> new Stored(VoucherWord.byCharacter(rs.getString(1)).orElseThrow(), rs.getString(2)),
                header.book(), voucherId);
        int number = numbered(batch, header, voucherId, stored.word(), stored.period(), numberInEvent);
        jdbc.update("""
                update report_voucher set status = 'POSTED', number = ?, poster = ?, posted_index = ?
                where book_id = ? and voucher_id = ?""", number, header.actor(), header.index(), header.book(), voucherId);
        jdbc.update("""
                insert into report_movement (book_id, period, account, debit_fen, credit_fen)
                select l.book_id, v.period, l.account, sum(l.debit_fen), sum(l.credit_fen)
                from report_voucher_line l
                join report_voucher v on v.book_id = l.book_id and v.voucher_id = l.voucher_id
                where l.book_id = ? and l.voucher_id = ?
                group by l.book_id, v.period, l.account
                on conflict (book_id, period, account) do update
                set debit_fen = report_movement.debit_fen + excluded.debit_fen,
                    credit_fen = report_movement.credit_fen + excluded.credit_fen""", header.book(), voucherId);
    }

    private static int numbered(ProjectionBatch batch, EntryHeader header, String voucherId, VoucherWord word,
            String period, int numberInEvent) {
        int number = batch.nextNumber(header.book(), word, period);
        if (number != numberInEvent) {
            log.warn("Book {} entry {}: the read model numbers voucher {} {}, the ledger {}", header.book(),
                    header.index(), voucherId, number, numberInEvent);
        }
        return number;
    }

    /** A voucher as recorded by {@code header}'s entry, not yet written. */
    private static PendingVoucher pending(EntryHeader header, String id, VoucherWord word, LocalDate date,
            int attachments, List<VoucherLine> lines, String reverses, String corrects) {
        return new PendingVoucher(header.book(), id, word, date, Period.of(date).toString(), attachments, lines,
                header.actor(), reverses, corrects, header.index());
    }

    /** What 记账 needs of a voucher written in an earlier batch. */
    private record Stored(VoucherWord word, String period) {
    }

    /** What a red voucher needs of the posted voucher it cancels. */
    private record Original(VoucherWord word, LocalDate date, int number) {
    }
}
