package org.gongzhang.verifier.statement;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.YearMonth;
import java.util.UUID;
import org.gongzhang.verifier.bundle.Bundle;
import org.gongzhang.verifier.canonical.CanonicalJson;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.checkpoint.SignedNote;
import org.gongzhang.verifier.crypto.Digests;
import org.gongzhang.verifier.fixtures.BookFixture;

/**
 * A book with a known first quarter of March 2026, figures worked out by hand:
 * opening balances 50,000.00 in the bank; February parking 1,000.00 (before the statement);
 * March: parking 12,345.67, advertising 3,000.00, a repair of 6,000.00 (itemised at 5,000.00),
 * an audit fee of 800.00 reversed in red and re-entered as 850.00, 2,000.00 moved to the
 * maintenance fund. So for March: opening 51,000.00, income 15,345.67, expenses 6,850.00,
 * transfer 2,000.00, closing 57,495.67.
 */
final class StatementBook {

    static final YearMonth MARCH = YearMonth.of(2026, 3);
    static final long THRESHOLD = 500_000;

    final BookFixture book = BookFixture.opened();
    long repairPostedAt;
    String repairVoucher;

    StatementBook() {
        account("3101", "公共收益累计结余", null, "CREDIT");
        account("470102", "广告收入", "4701", "CREDIT");
        account("5101", "业务活动成本", null, "DEBIT");
        account("510101", "共用部位及设施维修养护", "5101", "DEBIT");
        account("5201", "管理费用", null, "DEBIT");
        account("520102", "审计费", "5201", "DEBIT");
        account("5501", "转入维修资金", null, "DEBIT");
        ObjectNode balances = CanonicalJson.mapper().createObjectNode();
        ArrayNode list = balances.putArray("balances");
        list.addObject().put("account", "100201").put("debit", "50000.00");
        list.addObject().put("account", "3101").put("credit", "50000.00");
        book.append(book.preparer, "opening-balances.set", balances);
        post(voucher("2026-02-20", "收2月停车费", "100201", "470101", "1000.00"));
        post(voucher("2026-03-05", "收3月停车费", "100201", "470101", "12345.67"));
        post(voucher("2026-03-08", "收电梯广告费", "100201", "470102", "3000.00"));
        repairVoucher = voucher("2026-03-12", "付单元门维修", "510101", "100201", "6000.00");
        repairPostedAt = post(repairVoucher);
        String audit = voucher("2026-03-15", "付审计费", "520102", "100201", "800.00");
        post(audit);
        String red = UUID.randomUUID().toString();
        book.append(book.preparer, "voucher.reversed", CanonicalJson.mapper().createObjectNode().put("voucherId", red)
                .put("reverses", audit).put("date", "2026-03-20").put("reason", "金额有误"));
        post(red);
        post(voucher("2026-03-20", "付审计费（更正）", "520102", "100201", "850.00"));
        post(voucher("2026-03-31", "转入维修资金", "5501", "100201", "2000.00"));
        book.recordVoucher(); // recorded, never posted: counts for nothing
    }

    /** The statement of March as the entries give it, resting on a checkpoint over every entry. */
    Statement statement() {
        StatementFigures figures = StatementFigures.compute(BookReplay.of(book.entries()), MARCH, MARCH, THRESHOLD);
        Checkpoint checkpoint = Checkpoint.parse(SignedNote.parse(book.checkpoint()).text());
        return new Statement(BookFixture.BOOK, MARCH, MARCH, checkpoint.size(), Digests.hex(checkpoint.root()),
                THRESHOLD, 0, figures);
    }

    Bundle bundle(String statementJson) {
        return book.bundle().withStatement(statementJson);
    }

    private void account(String code, String name, String parent, String direction) {
        book.append(book.preparer, "account.added", CanonicalJson.mapper().createObjectNode().put("code", code)
                .put("name", name).put("parent", parent).put("direction", direction));
    }

    private String voucher(String date, String summary, String debit, String credit, String amount) {
        String id = UUID.randomUUID().toString();
        ObjectNode payload = CanonicalJson.mapper().createObjectNode().put("voucherId", id).put("word", "记")
                .put("date", date);
        ArrayNode lines = payload.putArray("lines");
        lines.addObject().put("summary", summary).put("account", debit).put("debit", amount);
        lines.addObject().put("summary", summary).put("account", credit).put("credit", amount);
        book.append(book.preparer, "voucher.recorded", payload);
        return id;
    }

    private long post(String voucherId) {
        book.append(book.reviewer, "voucher.reviewed", BookFixture.payload("voucherId", voucherId));
        return book.append(book.preparer, "voucher.posted", BookFixture.payload("voucherId", voucherId)).header().index();
    }
}
