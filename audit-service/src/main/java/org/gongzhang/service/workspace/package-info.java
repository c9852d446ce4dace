/** 工作台: the staff workspace pages — the to-do list across a person's books, and the way into each book's work. */
package org.gongzhang.service.workspace;
