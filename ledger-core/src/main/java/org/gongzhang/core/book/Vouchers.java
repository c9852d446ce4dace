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

/** The vouchers of a book by id, and the last 凭证号 given per 凭证字 per period. */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
final class Vouchers {

    private Map<String, VoucherState> byId = new HashMap<>();
    private Map<String, Integer> lastNumbers = new HashMap<>();
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

    void put(String voucherId, VoucherState voucher) {
        byId.put(voucherId, voucher);
    }

    void posted(String voucherId, int number) {
        VoucherState voucher = byId.get(voucherId).posted(number);
        byId.put(voucherId, voucher);
        lastNumbers.merge(key(voucher.word(), voucher.period()), number, Math::max);
        anyPosted = true;
    }

    List<VoucherState> all() {
        return List.copyOf(byId.values());
    }

    private static String key(VoucherWord word, Period period) {
        return word.name() + "/" + period;
    }
}
