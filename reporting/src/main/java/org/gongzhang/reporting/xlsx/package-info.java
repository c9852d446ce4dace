/** The 科目余额表 and the 三栏明细账 as xlsx workbooks, with the cells of the voucher export. */
package org.gongzhang.reporting.xlsx;
