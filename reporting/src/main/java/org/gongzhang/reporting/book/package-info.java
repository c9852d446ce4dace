/** The books the read model knows, their 科目表, and consistent reads of both. */
package org.gongzhang.reporting.book;
