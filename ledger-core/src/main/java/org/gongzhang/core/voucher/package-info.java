/** 记账凭证: the voucher's 凭证字, its lines (摘要 / 科目 / 借方 / 贷方) and its workflow states. */
package org.gongzhang.core.voucher;
