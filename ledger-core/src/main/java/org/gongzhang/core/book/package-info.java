/** 账套: a compound's book for one fund, its signed log and the rules every entry must pass. */
package org.gongzhang.core.book;
