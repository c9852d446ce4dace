/** 支出审批 in the staff workspace: a book's spending requests, their approval path and payments. */
package org.gongzhang.service.workspace.spending;
