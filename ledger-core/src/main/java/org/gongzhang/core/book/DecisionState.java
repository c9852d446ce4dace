package org.gongzhang.core.book;

import org.gongzhang.verifier.decision.Matter;

/**
 * What the book remembers of an owners' joint decision: enough to let it approve a request.
 *
 * @param matter    how strong it was
 * @param requestId the request it decided, or null
 * @param passed    whether it passed (as recomputed)
 */
record DecisionState(Matter matter, String requestId, boolean passed) {
}
