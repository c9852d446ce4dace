/** 科目余额表: opening balances, movements and closing balances per account, rolled up to the 一级科目. */
package org.gongzhang.reporting.balance;
