package org.gongzhang.service.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.gongzhang.service.custody.CustodialKey;
import org.gongzhang.service.custody.CustodialSigner;
import org.gongzhang.verifier.canonical.CanonicalJson;

/**
 * 记账 of the demo's vouchers in date order (序时控制). A closed period's vouchers are posted as they
 * are written, day by day. The two periods left open collect vouchers from the year, the spending
 * requests and the works project, written one after the other with dates that interleave; they are
 * posted last, oldest date first, so that their 凭证号 follow their dates as the book requires.
 */
final class DemoPostings {

    private record Pending(String book, String voucherId, LocalDate date, CustodialKey poster) {
    }

    private final CustodialSigner signer;
    private final YearMonth firstOpen;
    /** In the order written; the compounds' books are written at once, each book's in its own order. */
    private final List<Pending> pending = Collections.synchronizedList(new ArrayList<>());

    DemoPostings(CustodialSigner signer, LocalDate today) {
        this.signer = signer;
        this.firstOpen = YearMonth.from(today).minusMonths(1);
    }

    /** Posts now in a period the demo closes; in an open period once everything else is written. */
    void post(CustodialKey poster, String book, String voucherId, LocalDate date) {
        if (YearMonth.from(date).isBefore(firstOpen)) {
            submit(new Pending(book, voucherId, date, poster));
        } else {
            pending.add(new Pending(book, voucherId, date, poster));
        }
    }

    /**
     * Posts what waits in {@code book}, oldest date first (vouchers of one day in the order they
     * were written), once everything else of that book is written.
     */
    void postOpenPeriods(String book) {
        List<Pending> waiting;
        synchronized (pending) {
            waiting = pending.stream().filter(p -> p.book().equals(book)).toList();
            pending.removeAll(waiting);
        }
        waiting.stream().sorted(Comparator.comparing(Pending::date)).forEach(this::submit);
    }

    private void submit(Pending posting) {
        ObjectNode payload = CanonicalJson.mapper().createObjectNode().put("voucherId", posting.voucherId());
        signer.submit(posting.poster(), posting.book(), "voucher.posted", posting.date(), payload);
    }
}
