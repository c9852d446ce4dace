package org.gongzhang.core.book.api.payload;

/**
 * A company that bids for a tender (投标人) or signs its contract (供应商/施工单位). Companies may be
 * named in public (个人信息保护法 protects persons, not companies).
 *
 * @param name       the company's registered name
 * @param creditCode its 统一社会信用代码
 */
public record Bidder(String name, String creditCode) {

    static Bidder read(PayloadReader reader, String field) {
        PayloadReader bidder = reader.object(field);
        return new Bidder(bidder.string("name"), bidder.string("creditCode"));
    }
}
