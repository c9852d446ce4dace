package org.gongzhang.core.book;

import org.gongzhang.core.expenditure.ApprovalStep;

/**
 * One step of a request approved, and by whom.
 *
 * @param step  the step
 * @param actor who approved it
 */
record Approval(ApprovalStep step, String actor) {
}
