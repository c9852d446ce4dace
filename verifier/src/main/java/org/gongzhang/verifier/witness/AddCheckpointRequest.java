package org.gongzhang.verifier.witness;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.gongzhang.verifier.checkpoint.Checkpoint;
import org.gongzhang.verifier.checkpoint.MalformedNote;
import org.gongzhang.verifier.checkpoint.SignedNote;

/**
 * The body of a tlog-witness {@code POST /add-checkpoint}: {@code old <size>}, up to 63 consistency
 * proof lines (base64 hashes), a blank line, then the log's signed checkpoint.
 *
 * @param oldSize    the size of the checkpoint the log believes this witness cosigned last
 * @param proof      the consistency proof from {@code oldSize} to the checkpoint's size
 * @param note       the signed checkpoint as submitted
 * @param checkpoint its body
 */
public record AddCheckpointRequest(long oldSize, List<byte[]> proof, SignedNote note, Checkpoint checkpoint) {

    static final int MAX_PROOF_LINES = 63;
    private static final Pattern OLD = Pattern.compile("old (0|[1-9][0-9]{0,18})");

    /** Reads a request body; refuses anything malformed with {@link MalformedNote}. */
    public static AddCheckpointRequest parse(String body) {
        int blank = body.indexOf("\n\n");
        if (blank < 0) {
            throw new MalformedNote("an add-checkpoint body is the old size line, proof lines, a blank line, a checkpoint");
        }
        String[] head = body.substring(0, blank).split("\n", -1);
        var old = OLD.matcher(head[0]);
        if (!old.matches()) {
            throw new MalformedNote("the first line is 'old <size>', a decimal without leading zeros");
        }
        if (head.length - 1 > MAX_PROOF_LINES) {
            throw new MalformedNote("at most " + MAX_PROOF_LINES + " consistency proof lines");
        }
        List<byte[]> proof = new ArrayList<>();
        for (int i = 1; i < head.length; i++) {
            proof.add(hash(head[i]));
        }
        SignedNote note = SignedNote.parse(body.substring(blank + 2));
        return new AddCheckpointRequest(Long.parseLong(old.group(1)), proof, note, Checkpoint.parse(note.text()));
    }

    /** The body that submits {@code note} with {@code proof} from {@code oldSize}, as a log sends it. */
    public static String body(long oldSize, List<byte[]> proof, SignedNote note) {
        StringBuilder out = new StringBuilder("old ").append(oldSize).append('\n');
        proof.forEach(hash -> out.append(Base64.getEncoder().encodeToString(hash)).append('\n'));
        return out.append('\n').append(note).toString();
    }

    private static byte[] hash(String line) {
        try {
            byte[] hash = Base64.getDecoder().decode(line);
            if (hash.length == 32) {
                return hash;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new MalformedNote("a consistency proof line is one base64 SHA-256 hash");
    }
}
