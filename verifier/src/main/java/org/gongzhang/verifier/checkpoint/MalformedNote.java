package org.gongzhang.verifier.checkpoint;

/** Text that is not a well-formed signed note, checkpoint body or note verifier key. */
public final class MalformedNote extends RuntimeException {
    public MalformedNote(String message) {
        super(message);
    }
}
