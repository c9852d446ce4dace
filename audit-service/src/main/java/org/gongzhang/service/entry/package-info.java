/** Submitting signed entries and reading them back: the HTTP face of a book's log. */
package org.gongzhang.service.entry;
