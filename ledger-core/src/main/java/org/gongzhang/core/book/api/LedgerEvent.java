package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.EntryHeader;
import org.gongzhang.verifier.entry.SignedEntry;

/**
 * An entry the book accepted. The signed entry is the single source of truth; typed views of
 * its payload are parsed from it on demand.
 */
public interface LedgerEvent {
    SignedEntry entry();

    default EntryHeader header() {
        return entry().header();
    }
}
