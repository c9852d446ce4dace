package org.gongzhang.core.book.api.payload;

/** Which of the compound's funds a book keeps. */
public enum Fund {
    /** 公共收益: income from common parts (民法典 §282). */
    PUBLIC_INCOME,
    /** 专项维修资金, when the owners' assembly manages it itself. */
    MAINTENANCE_FUND
}
