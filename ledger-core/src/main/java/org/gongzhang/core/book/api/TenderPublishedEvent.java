package org.gongzhang.core.book.api;

import org.gongzhang.verifier.entry.SignedEntry;

/** 招标公告: a tender published on the town's platform (业标镇管) with its notice period. */
public record TenderPublishedEvent(SignedEntry entry) implements LedgerEvent {
}
