/** What the reports answer: 科目余额表, 三栏明细账, 凭证, 收支公示 figures, each saying how far the read model has read the log. */
package org.gongzhang.reporting.api;
