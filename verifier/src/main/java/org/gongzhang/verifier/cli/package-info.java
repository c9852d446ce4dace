/** The {@code ./ledger} command line: verify and export bundles, make keys, sign and submit entries. */
package org.gongzhang.verifier.cli;
