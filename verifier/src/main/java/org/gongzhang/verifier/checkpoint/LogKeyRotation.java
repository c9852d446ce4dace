package org.gongzhang.verifier.checkpoint;

/**
 * A log key rotation (日志密钥轮换): the log's statement that its checkpoints are signed from now on
 * by {@code newKey} instead of {@code oldKey}, as a C2SP signed note whose text is
 *
 * <pre>
 * gongzhang.org/log-key-rotation/v1
 * old &lt;old note verifier key&gt;
 * new &lt;new note verifier key&gt;
 * </pre>
 *
 * signed by both keys: the old key's signature says the log hands over, the new key's that the
 * new key's holder takes over. An auditor who pinned the old key follows such notes to the key
 * that signs today's checkpoints ({@link LogKeyChain}).
 *
 * @param oldKey the key that signed checkpoints until now
 * @param newKey the key that signs them from now on
 * @param note   the signed note as read or made
 */
public record LogKeyRotation(NoteVerifierKey oldKey, NoteVerifierKey newKey, SignedNote note) {

    /** The first line of a rotation note. */
    public static final String HEADER = "gongzhang.org/log-key-rotation/v1";

    public LogKeyRotation {
        if (oldKey.isCosigner() || newKey.isCosigner() || oldKey.equals(newKey)) {
            throw new MalformedNote("a log key rotation names two different Ed25519 note keys");
        }
        if (!note.text().equals(text(oldKey, newKey))) {
            throw new MalformedNote("the note's text is not the rotation from " + oldKey + " to " + newKey);
        }
    }

    /** The rotation from {@code oldKey} to {@code newKey}, signed by both. */
    public static LogKeyRotation sign(NoteSigner oldKey, NoteSigner newKey) {
        String text = text(oldKey.verifierKey(), newKey.verifierKey());
        return new LogKeyRotation(oldKey.verifierKey(), newKey.verifierKey(), SignedNote.sign(text, oldKey, newKey));
    }

    /** Reads a rotation note; refuses with {@link MalformedNote} anything else. Signatures are not checked here. */
    public static LogKeyRotation parse(SignedNote note) {
        String[] lines = note.text().split("\n", -1);
        if (lines.length != 4 || !lines[0].equals(HEADER) || !lines[1].startsWith("old ")
                || !lines[2].startsWith("new ") || !lines[3].isEmpty()) {
            throw new MalformedNote("a log key rotation is '" + HEADER + "', 'old <key>' and 'new <key>', each ending in a newline");
        }
        return new LogKeyRotation(NoteVerifierKey.parse(lines[1].substring(4)), NoteVerifierKey.parse(lines[2].substring(4)),
                note);
    }

    /** True when a signature line by the old key verifies. */
    public boolean signedByOldKey() {
        return note.isSignedBy(oldKey);
    }

    /** True when a signature line by the new key verifies. */
    public boolean signedByNewKey() {
        return note.isSignedBy(newKey);
    }

    private static String text(NoteVerifierKey oldKey, NoteVerifierKey newKey) {
        return HEADER + "\nold " + oldKey + "\nnew " + newKey + "\n";
    }

    @Override
    public String toString() {
        return note.toString();
    }
}
