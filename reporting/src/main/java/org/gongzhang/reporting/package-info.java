/** Reporting: read models fed by ledger events, and the reports read from them. */
package org.gongzhang.reporting;
