/**
 * 凭证导入导出 over HTTP: posted vouchers as xlsx or CSV in the 用友/金蝶 layout, and importing such
 * a file through the ordinary signed-entry path, recorded per book.
 */
package org.gongzhang.service.exchange;
