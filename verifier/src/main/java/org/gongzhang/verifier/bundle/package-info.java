/** The bundle file (审计包), format 1: a book's signed entries, Merkle root and signed checkpoint in one ZIP. */
package org.gongzhang.verifier.bundle;
