/** Offline verification of a book's signed entries: anyone can audit a bundle without the server. */
package org.gongzhang.verifier;
