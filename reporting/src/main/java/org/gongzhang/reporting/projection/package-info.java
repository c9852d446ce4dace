/** The read model's writer: ledger events in, reporting tables out, once per entry. */
package org.gongzhang.reporting.projection;
