/**
 * An independent witness (见证人) of books' logs, speaking C2SP tlog-witness: it remembers the last
 * checkpoint it cosigned per log, cosigns a new one only when a consistency proof shows it extends
 * that one, and keeps the evidence when it does not.
 */
package org.gongzhang.verifier.witness;
