package org.gongzhang.service.signing;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.gongzhang.reporting.api.VoucherSigners;
import org.gongzhang.reporting.api.VoucherSummary;
import org.gongzhang.service.entry.StoredEntries;
import org.gongzhang.verifier.entry.Custody;
import org.gongzhang.verifier.entry.EntryHeader;
import org.springframework.stereotype.Component;

/**
 * Who made an entry's signature: the person with their own key (本人签名), or the service with a
 * key it keeps for them (服务代签, the entry says {@code "custodial": true}). Every page and report
 * that names who took a step says which, since a signature the service can make proves less.
 */
@Component
public class SignedBy {

    /** {@code "own"} or {@code "custodial"}: the suffix of the message keys that name them. */
    public static final String OWN = VoucherSigners.OWN;
    public static final String CUSTODIAL = VoucherSigners.CUSTODIAL;

    private final StoredEntries stored;

    SignedBy(StoredEntries stored) {
        this.stored = stored;
    }

    /**
     * Of the book's first {@code size} entries (those a checkpoint covers), the ones whose business
     * date falls in the months {@code from … to}, and how many of them the service signed.
     */
    public Custody period(String book, long size, YearMonth from, YearMonth to) {
        List<EntryHeader> headers = stored.page(book, 0, (int) Math.min(size, Integer.MAX_VALUE)).stream()
                .filter(s -> s.entry() != null).map(s -> s.entry().header()).toList();
        return Custody.ofHeaders(headers, from.atDay(1), to.atEndOfMonth());
    }

    /**
     * Whose keys signed a voucher's 制单, 审核 and 记账 entries. The review is the last
     * {@code voucher.reviewed} of the voucher at or before its posting.
     */
    public VoucherSigners voucher(String book, VoucherSummary voucher) {
        long until = voucher.postedIndex() == null ? Long.MAX_VALUE : voucher.postedIndex();
        String reviewer = stored.ofKinds(book, List.of("voucher.reviewed")).stream()
                .filter(s -> s.entry() != null && s.sequence() > voucher.recordedIndex() && s.sequence() < until)
                .filter(s -> voucher.voucherId().equals(s.entry().header().payload().path("voucherId").asText()))
                .reduce((first, second) -> second)
                .map(s -> s.entry().header().custodial() ? CUSTODIAL : OWN).orElse(null);
        return new VoucherSigners(entry(book, voucher.recordedIndex()).orElse(null), reviewer,
                voucher.postedIndex() == null ? null : entry(book, voucher.postedIndex()).orElse(null));
    }

    /** {@link #OWN} or {@link #CUSTODIAL} for the entry at {@code index}; empty when it is not stored readably. */
    public Optional<String> entry(String book, long index) {
        return stored.page(book, index, 1).stream().filter(s -> s.sequence() == index && s.entry() != null)
                .map(s -> s.entry().header().custodial() ? CUSTODIAL : OWN).findFirst();
    }
}
