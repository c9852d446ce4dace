/** The figures of a 公共收益收支公示表, computed from the read model's tables. */
package org.gongzhang.reporting.statement;
