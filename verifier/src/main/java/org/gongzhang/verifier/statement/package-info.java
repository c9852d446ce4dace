/**
 * Statements (公共收益收支公示表) as the verifier sees them: the figures recomputed from a book's
 * signed entries, the statement document a bundle carries, and the check that every figure on it
 * is what the entries give.
 */
package org.gongzhang.verifier.statement;
