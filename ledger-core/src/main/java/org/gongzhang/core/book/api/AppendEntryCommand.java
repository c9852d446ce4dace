package org.gongzhang.core.book.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.gongzhang.verifier.entry.SignedEntry;

/** Appends one signed entry of any kind but {@code book.opened}. Answers an {@link EntryReceipt}. */
public record AppendEntryCommand(@TargetAggregateIdentifier BookId bookId, SignedEntry entry) {
}
