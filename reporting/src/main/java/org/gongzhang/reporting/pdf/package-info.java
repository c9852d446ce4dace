/** Printable PDF reports: JasperReports templates filled from the report views, in zh-CN or English. */
package org.gongzhang.reporting.pdf;
