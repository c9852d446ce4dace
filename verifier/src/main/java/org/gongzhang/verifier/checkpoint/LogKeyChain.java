package org.gongzhang.verifier.checkpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The log's key rotations in order (日志密钥轮换链): each {@link LogKeyRotation} hands over from the
 * key the one before handed over to. Written as the rotation notes one after another, separated by
 * a blank line; served at {@code /api/log-key/rotations} and packed into bundles as
 * {@code log-key-rotations.txt}.
 *
 * <p>{@link #follow(NoteVerifierKey)} walks it from the key an auditor pinned and stops at the first
 * rotation that does not continue from the key reached or that its old or new key did not sign: a
 * key reached only through such a rotation is not trusted.
 */
public final class LogKeyChain {

    private final List<LogKeyRotation> rotations;

    private LogKeyChain(List<LogKeyRotation> rotations) {
        this.rotations = List.copyOf(rotations);
    }

    public static LogKeyChain empty() {
        return new LogKeyChain(List.of());
    }

    /** Reads the notes of a chain (an empty text is an empty chain); refuses a malformed one with {@link MalformedNote}. */
    public static LogKeyChain parse(String text) {
        if (text.isEmpty()) {
            return empty();
        }
        if (!text.endsWith("\n")) {
            throw new MalformedNote("a chain of log key rotations ends with a newline");
        }
        String[] blocks = text.substring(0, text.length() - 1).split("\n\n", -1);
        if (blocks.length % 2 != 0) {
            throw new MalformedNote("a chain of log key rotations is signed notes separated by a blank line");
        }
        List<LogKeyRotation> rotations = new ArrayList<>();
        for (int i = 0; i < blocks.length; i += 2) {
            rotations.add(LogKeyRotation.parse(SignedNote.parse(blocks[i] + "\n\n" + blocks[i + 1] + "\n")));
        }
        return new LogKeyChain(rotations);
    }

    public List<LogKeyRotation> rotations() {
        return rotations;
    }

    public boolean isEmpty() {
        return rotations.isEmpty();
    }

    /** This chain with {@code rotation} added at its end. */
    public LogKeyChain then(LogKeyRotation rotation) {
        List<LogKeyRotation> longer = new ArrayList<>(rotations);
        longer.add(rotation);
        return new LogKeyChain(longer);
    }

    /** The rotations up to the one that handed over to {@code key}; empty when no rotation did. */
    public LogKeyChain upTo(NoteVerifierKey key) {
        for (int i = rotations.size() - 1; i >= 0; i--) {
            if (rotations.get(i).newKey().equals(key)) {
                return new LogKeyChain(rotations.subList(0, i + 1));
            }
        }
        return empty();
    }

    /**
     * The keys reached from {@code pinned}, the pinned key first: rotations before the one that
     * starts from it (or that reached it) are skipped, the rest followed while each continues from
     * the key reached and is signed by both its keys.
     */
    public Followed follow(NoteVerifierKey pinned) {
        List<NoteVerifierKey> keys = new ArrayList<>(List.of(pinned));
        int start = start(pinned);
        if (start < 0) {
            return isEmpty() ? new Followed(keys, Optional.empty())
                    : new Followed(keys, Optional.of(new Problem("log-key.rotation.unlinked",
                            "no log key rotation in the chain starts from or reaches the pinned log key " + pinned)));
        }
        for (int i = start; i < rotations.size(); i++) {
            LogKeyRotation rotation = rotations.get(i);
            NoteVerifierKey reached = keys.get(keys.size() - 1);
            Optional<Problem> problem = problem(i + 1, rotation, reached);
            if (problem.isPresent()) {
                return new Followed(keys, problem);
            }
            keys.add(rotation.newKey());
        }
        return new Followed(keys, Optional.empty());
    }

    /** The keys reached and, when following stopped early, why. */
    public record Followed(List<NoteVerifierKey> keys, Optional<Problem> problem) {

        public Followed {
            keys = List.copyOf(keys);
        }

        /** The last key reached: the one today's checkpoints should be signed by. */
        public NoteVerifierKey current() {
            return keys.get(keys.size() - 1);
        }

        /** True when {@code note} carries a valid signature by a key reached. */
        public boolean signedAny(SignedNote note) {
            return keys.stream().anyMatch(note::isSignedBy);
        }
    }

    /** Why a chain stopped: a stable code and a message naming the rotation. */
    public record Problem(String code, String message) {
    }

    private int start(NoteVerifierKey pinned) {
        for (int i = rotations.size() - 1; i >= 0; i--) {
            if (rotations.get(i).newKey().equals(pinned)) {
                return i + 1;
            }
        }
        for (int i = 0; i < rotations.size(); i++) {
            if (rotations.get(i).oldKey().equals(pinned)) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<Problem> problem(int number, LogKeyRotation rotation, NoteVerifierKey reached) {
        if (!rotation.oldKey().equals(reached)) {
            return Optional.of(new Problem("log-key.rotation.chain-broken", "log key rotation " + number
                    + " hands over from " + rotation.oldKey() + ", not from " + reached + ", the key reached before it"));
        }
        if (!rotation.signedByOldKey()) {
            return Optional.of(new Problem("log-key.rotation.old-key-signature-invalid", "log key rotation " + number
                    + " carries no valid signature by the old key " + rotation.oldKey().name()
                    + ": a new key cannot name itself the log's successor"));
        }
        if (!rotation.signedByNewKey()) {
            return Optional.of(new Problem("log-key.rotation.new-key-signature-invalid", "log key rotation " + number
                    + " carries no valid signature by the new key " + rotation.newKey()));
        }
        return Optional.empty();
    }

    /** The notes, one after another, separated by a blank line; empty for an empty chain. */
    @Override
    public String toString() {
        return String.join("\n", rotations.stream().map(LogKeyRotation::toString).toList());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LogKeyChain chain && chain.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
