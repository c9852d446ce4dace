/**
 * 凭证导入导出: posted vouchers in the 用友/金蝶 column layout as xlsx and CSV, and the checks a file
 * passes, row by row and against the book, before any of it is imported.
 */
package org.gongzhang.reporting.exchange;
