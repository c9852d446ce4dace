/** How reports print money, dates and periods: 12,345.67, 大写金额, 2026年10月31日, 2026年3月. */
package org.gongzhang.reporting.format;
