package org.gongzhang.verifier.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A tiny local HTTP server standing in for the audit service: fixed answers per path, requests recorded. */
final class StubServer implements AutoCloseable {

    /** A request the stub received ({@code lease}: its Ledger-Lease header, or null). */
    record Request(String method, String path, String query, String contentType, String body, String lease) {
    }

    /** One answer of a sequence ({@link #answerInTurn}). */
    record Reply(int status, String json) {
    }

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();

    StubServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
    }

    /** Answers every request to {@code path} with {@code status} and {@code body}. */
    StubServer answer(String path, int status, String contentType, byte[] body) {
        server.createContext(path, exchange -> {
            record(exchange);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        return this;
    }

    /**
     * Answers the requests to {@code path} (and below it) with {@code replies} in turn, the last one
     * again once they are used up.
     */
    StubServer answerInTurn(String path, Reply... replies) {
        java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();
        server.createContext(path, exchange -> {
            record(exchange);
            Reply reply = replies[Math.min(turn.getAndIncrement(), replies.length - 1)];
            byte[] body = reply.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        return this;
    }

    private void record(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getQuery(),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                exchange.getRequestHeaders().getFirst("Ledger-Lease")));
    }

    StubServer answer(String path, int status, String json) {
        return answer(path, status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests() {
        return requests;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
