/** Messages of the book aggregate: commands carry signed entries, events carry what was appended. */
package org.gongzhang.core.book.api;
