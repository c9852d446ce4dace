/** RFC 6962 / 9162 Merkle tree of a book's log (日志树): hashing, compact range, inclusion and consistency proofs. */
package org.gongzhang.verifier.merkle;
