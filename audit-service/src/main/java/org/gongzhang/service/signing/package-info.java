/**
 * Who signs an entry (签名): the person with their own key — the service builds the entry and hands
 * it back to be signed where the key is (the browser, {@code ledger submit}) — or, where the
 * deployment allows it, the service with a key it keeps for them (代签, marked {@code custodial}).
 */
package org.gongzhang.service.signing;
