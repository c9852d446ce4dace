package org.gongzhang.service.witness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Speaks C2SP tlog-witness to one witness: {@code POST <prefix>/add-checkpoint}, and this project's
 * {@code POST <prefix>/log-key-rotation}, within a bounded time.
 */
final class WitnessClient {

    private final HttpClient http;
    private final Duration timeout;

    WitnessClient(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * A witness's answer.
     *
     * @param status      200 with cosignature lines, 409 with the size it knows, else a refusal
     * @param contentType its content type, empty when none
     * @param body        its body
     */
    record Reply(int status, String contentType, String body) {
    }

    /** Sends {@code body}; throws when the witness cannot be reached or does not answer in time. */
    Reply addCheckpoint(IndependentWitness witness, String body) throws IOException, InterruptedException {
        return post(witness.addCheckpoint(), body);
    }

    /** Sends a log key rotation note; throws when the witness cannot be reached or does not answer in time. */
    Reply addRotation(IndependentWitness witness, String rotation) throws IOException, InterruptedException {
        return post(witness.logKeyRotation(), rotation);
    }

    private Reply post(URI to, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(to).timeout(timeout)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }
}
