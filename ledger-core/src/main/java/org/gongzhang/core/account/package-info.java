/** 会计科目: account codes, balance directions and a book's chart of accounts (科目表). */
package org.gongzhang.core.account;
