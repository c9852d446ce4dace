package org.gongzhang.verifier.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** The audit service's public HTTP API, as far as the CLI uses it. */
final class LedgerServer {

    static final String DEFAULT_URL = "http://localhost:8080";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    LedgerServer(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The server named by {@code --server}, else {@code LEDGER_SERVER}, else {@value #DEFAULT_URL}. */
    static LedgerServer from(Arguments args) {
        return new LedgerServer(args.option("--server")
                .or(() -> Optional.ofNullable(System.getenv("LEDGER_SERVER")).filter(s -> !s.isBlank()))
                .orElse(DEFAULT_URL));
    }

    /** An answer from the server: status and body. */
    record Answer(int status, byte[] body) {
        boolean ok() {
            return status / 100 == 2;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    Answer get(String path, String accept) throws Unreachable {
        return send(HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).header("Accept", accept).GET().build());
    }

    Answer postJson(String path, String json) throws Unreachable {
        return postJson(path, json, null);
    }

    /** POST of JSON with the book's lease ({@code lease}, or null for none) in the {@code Ledger-Lease} header. */
    Answer postJson(String path, String json, String lease) throws Unreachable {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (lease != null) {
            request.header("Ledger-Lease", lease);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    Answer delete(String path) throws Unreachable {
        return send(HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).header("Accept", "application/json")
                .DELETE().build());
    }

    Answer postText(String path, String text) throws Unreachable {
        return send(HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT)
                .header("Content-Type", "text/plain; charset=utf-8").header("Accept", "text/plain, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build());
    }

    private URI uri(String path) {
        try {
            return URI.create(baseUrl + path);
        } catch (IllegalArgumentException e) {
            throw new UsageError("not a server URL: " + baseUrl);
        }
    }

    private Answer send(HttpRequest request) throws Unreachable {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.body());
        } catch (ConnectException e) {
            throw new Unreachable("cannot reach the server at " + baseUrl + " (is it running? ./ledger serve)");
        } catch (IOException e) {
            throw new Unreachable("talking to " + baseUrl + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted while talking to " + baseUrl);
        }
    }

    /** The server could not be reached or did not answer. */
    static final class Unreachable extends Exception {
        Unreachable(String message) {
            super(message);
        }
    }
}
