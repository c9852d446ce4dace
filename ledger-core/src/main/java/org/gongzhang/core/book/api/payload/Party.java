package org.gongzhang.core.book.api.payload;

import org.gongzhang.core.book.api.RefusalCode;

/**
 * A compound (小区), community (社区) or street (街道) a book belongs to.
 *
 * @param id   its id, e.g. {@code lanyuan}
 * @param name its name, e.g. 兰园小区
 */
public record Party(String id, String name) {

    static Party read(PayloadReader reader, String field) {
        PayloadReader party = reader.object(field);
        return new Party(party.id("id", RefusalCode.BOOK_ID_INVALID), party.string("name"));
    }
}
