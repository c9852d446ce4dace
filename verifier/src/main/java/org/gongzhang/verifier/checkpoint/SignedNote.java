package org.gongzhang.verifier.checkpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A C2SP signed note: a text ending in a newline, a blank line, then one signature line per
 * signer. Signatures by keys the reader does not know are ignored, as C2SP requires.
 *
 * @param text       the signed text, with its final newline
 * @param signatures the signature lines, in order
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

    public SignedNote {
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new MalformedNote("note text ends with a newline");
        }
        signatures = List.copyOf(signatures);
    }

    /** Signs {@code text} with each signer, in order. */
    public static SignedNote sign(String text, NoteSigner... signers) {
        return new SignedNote(text, Arrays.stream(signers).map(s -> s.sign(text)).toList());
    }

    /** Reads a note; refuses anything without at least one well-formed signature line. */
    public static SignedNote parse(String note) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new MalformedNote("a signed note is text, a blank line and signature lines, each ending in a newline");
        }
        String block = note.substring(split + 2, note.length() - 1);
        if (block.isEmpty()) {
            throw new MalformedNote("the note has no signature");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        for (String line : block.split("\n", -1)) {
            signatures.add(NoteSignature.parse(line));
        }
        return new SignedNote(note.substring(0, split + 1), signatures);
    }

    /** True when a signature line claims {@code key} and verifies under it. */
    public boolean isSignedBy(NoteVerifierKey key) {
        return signatures.stream().anyMatch(s -> verifies(s, key));
    }

    /** True when {@code line} claims {@code key} (name and key hash) and is its signature of this note's text. */
    public boolean verifies(NoteSignature line, NoteVerifierKey key) {
        return line.claims(key) && key.verifiesNote(text, line.signature());
    }

    /** This note with one more signature line, e.g. a witness's cosignature (见证签名) on a checkpoint. */
    public SignedNote cosignedBy(NoteSigner witness) {
        List<NoteSignature> all = new ArrayList<>(signatures);
        all.add(witness.sign(text));
        return new SignedNote(text, all);
    }

    /** This note with {@code cosignatures} added; a line by a signer already present replaces its earlier line. */
    public SignedNote with(List<NoteSignature> cosignatures) {
        List<NoteSignature> all = new ArrayList<>(signatures);
        for (NoteSignature added : cosignatures) {
            all.removeIf(s -> s.name().equals(added.name()) && s.keyHash() == added.keyHash());
            all.add(added);
        }
        return new SignedNote(text, all);
    }

    /** The note as text: the signed text, a blank line, the signature lines. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(text).append('\n');
        signatures.forEach(s -> out.append(s.line()).append('\n'));
        return out.toString();
    }
}
