/** 记账凭证 as reports list and print them, in every state of 录入 → 审核 → 记账 or 作废. */
package org.gongzhang.reporting.voucher;
