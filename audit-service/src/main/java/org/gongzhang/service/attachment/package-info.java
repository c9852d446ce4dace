/** 原始凭证 attachments, stored once per book under their SHA-256, which signed vouchers cite. */
package org.gongzhang.service.attachment;
