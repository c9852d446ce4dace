/** 金额: amounts in integer 分 (CNY), parsed from and written as the entry's yuan strings. */
package org.gongzhang.core.money;
