/** 三栏明细账: one account's posted lines with 借方, 贷方 and the running 余额. */
package org.gongzhang.reporting.ledger;
