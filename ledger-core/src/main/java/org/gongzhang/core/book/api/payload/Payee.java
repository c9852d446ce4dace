package org.gongzhang.core.book.api.payload;

import org.gongzhang.core.book.api.RefusalCode;

/**
 * Who a request pays. A company (收款单位) is named; a private person (个人) appears only as a salted
 * commitment {@code SHA-256(salt ‖ identity)}, so that nothing identifies them in a public entry
 * (个人信息保护法 §25) and the identity can be withheld or erased without breaking the chain.
 *
 * @param type       company or person
 * @param name       the company's name; null for a person
 * @param commitment the person's commitment, lowercase hex; null for a company
 */
public record Payee(Type type, String name, String commitment) {

    /** 收款人类型. */
    public enum Type {
        /** 单位, named in clear. */
        COMPANY,
        /** 个人, never in clear. */
        PERSON
    }

    static Payee read(PayloadReader reader, String field) {
        PayloadReader p = reader.object(field);
        Type type = p.enumValue("type", Type.class, RefusalCode.PAYEE_TYPE_UNKNOWN);
        if (type == Type.COMPANY) {
            return new Payee(type, p.string("name"), null);
        }
        p.node().fieldNames().forEachRemaining(name -> {
            if (!name.equals("type") && !name.equals("commitment")) {
                throw RefusalCode.PAYEE_PERSON_IN_CLEAR.at(p.path(name));
            }
        });
        return new Payee(type, null, p.string("commitment"));
    }

    /**
     * What declarations of interest are matched on: the company's name (trimmed), or the person's
     * commitment. The same person under two salts makes two commitments that do not match.
     */
    public String key() {
        return type == Type.COMPANY ? "COMPANY:" + name.strip() : "PERSON:" + commitment;
    }
}
