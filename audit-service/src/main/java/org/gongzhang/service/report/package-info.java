/** Reports over HTTP: 科目余额表, 三栏明细账, 凭证, 收支公示 figures, read from the reporting read model. */
package org.gongzhang.service.report;
