/** Signature suites (ed25519, sm2-sm3 国密) and key encodings, all on Bouncy Castle. */
package org.gongzhang.verifier.crypto;
