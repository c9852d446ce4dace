/** 会计期间: the accounting month a voucher belongs to, keyed as {@code yyyy-MM}. */
package org.gongzhang.core.period;
