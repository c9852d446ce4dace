package org.gongzhang.verifier.witness;

/**
 * A witness's HTTP answer.
 *
 * @param status      200 with cosignature lines, or a tlog-witness error status
 * @param contentType {@code text/plain; charset=utf-8}, or {@code text/x.tlog.size} for a 409
 * @param body        the cosignature lines, the size the witness knows, or a one-line reason
 */
public record WitnessAnswer(int status, String contentType, String body) {

    static final String TEXT = "text/plain; charset=utf-8";
    static final String TLOG_SIZE = "text/x.tlog.size";

    static WitnessAnswer refused(int status, String reason) {
        return new WitnessAnswer(status, TEXT, reason + "\n");
    }
}
