/** Values of public tenders (业标镇管): the bidder's 统一社会信用代码. */
package org.gongzhang.core.tender;
