/** 公示 in the staff workspace: a book's statements from draft to publication, their objections and its disclosure calendar. */
package org.gongzhang.service.workspace.disclosure;
