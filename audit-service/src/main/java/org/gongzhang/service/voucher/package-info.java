/** 凭证与期间: recording, reviewing, posting, voiding and reversing vouchers, closing and reopening periods, as the acting person. */
package org.gongzhang.service.voucher;
