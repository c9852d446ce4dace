/** RFC 8785 JSON Canonicalization Scheme: the exact bytes every signature covers. */
package org.gongzhang.verifier.canonical;
