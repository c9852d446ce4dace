package org.gongzhang.service.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * A small HTTP/1.1 client for timing reads: each call answers the status, the body and how long
 * the round trip took. No authentication: the benchmark reads only what is public.
 */
final class Http {

    private final HttpClient client;
    private final String base;

    Http(int port) {
        this(port, null);
    }

    /** With {@code executor} for the client's own work (null: the client's default). */
    Http(int port, Executor executor) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10));
        if (executor != null) {
            builder.executor(executor);
        }
        this.client = builder.build();
        this.base = "http://localhost:" + port;
    }

    record Timed(int status, String body, long nanos) {
    }

    Timed get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .header("Accept-Language", "zh-CN").GET().build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Timed(response.statusCode(), response.body(), System.nanoTime() - start);
        } catch (IOException e) {
            return new Timed(-1, e.toString(), System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET that must answer 200; answers the body. */
    String body(String path) {
        Timed answer = get(path);
        if (answer.status() != 200) {
            throw new IllegalStateException("GET " + path + ": " + answer.status() + " " + abbreviate(answer.body()));
        }
        return answer.body();
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
