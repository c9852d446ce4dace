package org.gongzhang.reporting.exchange;

/**
 * A file checked against a book as the read model knew it.
 *
 * @param appliedIndex the last entry of the book's log the check saw; the check holds for the book
 *                     only while nothing follows that entry
 * @param check        what the check found
 */
public record CheckedImport(long appliedIndex, ImportCheck check) {
}
