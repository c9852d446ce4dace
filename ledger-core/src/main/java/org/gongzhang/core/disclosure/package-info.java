/** 公示与异议: where a statement (公示表) and an owner's objection (异议) stand. */
package org.gongzhang.core.disclosure;
