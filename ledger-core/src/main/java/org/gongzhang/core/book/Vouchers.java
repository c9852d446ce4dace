package org.gongzhang.core.book;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.gongzhang.core.period.Period;
import org.gongzhang.core.voucher.VoucherWord;

/**
 * The vouchers of a book by id, and per 凭证字 per period the last 凭证号 given and the date of the
 * voucher that carries it (序时控制: later numbers never go to earlier dates).
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
final class Vouchers {

    private Map<String, VoucherState> byId = new HashMap<>();
    private Map<String, Integer> lastNumbers = new HashMap<>();
    private Map<String, String> lastNumberedDates = new HashMap<>();
    private boolean anyPosted;

    Optional<VoucherState> find(String voucherId) {
        return Optional.ofNullable(byId.get(voucherId));
    }

    boolean contains(String voucherId) {
        return byId.containsKey(voucherId);
    }

    boolean anyPosted() {
        return anyPosted;
    }

    Stream<VoucherState> inPeriod(Period period) {
        return byId.values().stream().filter(v -> v.period().equals(period));
    }

    int lastNumber(VoucherWord word, Period period) {
        return lastNumbers.getOrDefault(key(word, period), 0);
    }

    /**
     * The date of the voucher numbered last in this 凭证字 and period, if any is numbered. A snapshot
     * taken before the dates were kept finds it among the vouchers.
     */
    Optional<String> lastNumberedDate(VoucherWord word, Period period) {
        int last = lastNumber(word, period);
        if (last == 0) {
            return Optional.empty();
        }
        String kept = lastNumberedDates.get(key(word, period));
        if (kept != null) {
            return Optional.of(kept);
        }
        return inPeriod(period).filter(v -> v.word() == word && v.number() == last).map(VoucherState::date).findFirst();
    }

    void put(String voucherId, VoucherState voucher) {
        byId.put(voucherId, voucher);
    }

    void posted(String voucherId, int number) {
        VoucherState voucher = byId.get(voucherId).posted(number);
        byId.put(voucherId, voucher);
        if (number > lastNumber(voucher.word(), voucher.period())) {
            lastNumbers.put(key(voucher.word(), voucher.period()), number);
            lastNumberedDates.put(key(voucher.word(), voucher.period()), voucher.date());
        }
        anyPosted = true;
    }

    List<VoucherState> all() {
        return List.copyOf(byId.values());
    }

    private static String key(VoucherWord word, Period period) {
        return word.name() + "/" + period;
    }
}
