package org.gongzhang.service.entry;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.gongzhang.core.book.api.EntryReceipt;

/**
 * The answer to a post of an entry: its receipt ({@link EntryReceipt}'s fields) and, when the writer
 * asked for it ({@value NextLeases#HEADER}), the book's lease for their next entry.
 *
 * @param nextLease {@code {"lease", "book", "index", "prev", "expiresAt"}}, or absent: not asked for,
 *                  a replayed submission, or the writer's turn did not come within the wait
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntryAnswer(String bookId, long index, String hash, String root, Map<String, Object> nextLease) {

    static EntryAnswer of(EntryReceipt receipt, BookLeases.Lease next) {
        return new EntryAnswer(receipt.bookId(), receipt.index(), receipt.hash(), receipt.root(),
                next == null ? null : next.view());
    }
}
