/** Typed views of the payloads of accepted entries, parsed from the signed entry for read models. */
package org.gongzhang.core.book.api.payload;
