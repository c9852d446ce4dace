/** 业主共同决定 (民法典 §278): the tally of an owners' joint decision, recomputable by anyone from the log. */
package org.gongzhang.verifier.decision;
