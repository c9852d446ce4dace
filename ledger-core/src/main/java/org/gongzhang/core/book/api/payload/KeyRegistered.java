package org.gongzhang.core.book.api.payload;

import org.gongzhang.verifier.entry.SignedEntry;

/**
 * {@code key.registered}: a person's key enters the book, approved by the community auditor.
 *
 * @param key the key
 */
public record KeyRegistered(KeyGrant key) {

    public static KeyRegistered from(SignedEntry entry) {
        return new KeyRegistered(KeyGrant.read(PayloadReader.of(entry)));
    }
}
