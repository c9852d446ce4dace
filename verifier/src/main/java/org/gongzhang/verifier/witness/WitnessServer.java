package org.gongzhang.verifier.witness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.gongzhang.verifier.checkpoint.SignedNote;

/**
 * A {@link Witness} on HTTP (the JDK's own server): {@code POST /add-checkpoint} as C2SP
 * tlog-witness defines it, {@code POST /log-key-rotation} (this project's addition: a
 * {@link org.gongzhang.verifier.checkpoint.LogKeyRotation} the witness accepts from the log key it
 * trusts), and the monitoring read {@code GET /<origin hash>/checkpoint}, which
 * answers the checkpoint last cosigned for the origin whose SHA-256 (lowercase hex) is in the path.
 * Both prefixes are the root of the server.
 */
public final class WitnessServer implements AutoCloseable {

    /** A request body larger than this is refused: 63 proof lines and a checkpoint fit many times over. */
    static final int MAX_BODY = 64 * 1024;
    private static final String NODELAY = "sun.net.httpserver.nodelay";
    private static final Pattern MONITOR = Pattern.compile("/([0-9a-f]{64})/checkpoint");

    private final Witness witness;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    private WitnessServer(Witness witness, HttpServer server) {
        this.witness = witness;
        this.server = server;
    }

    /**
     * Starts serving {@code witness} on {@code address} (port 0: any free port). Answers leave
     * without waiting for the client's acknowledgement of the headers (TCP_NODELAY, the JDK server's
     * {@code sun.net.httpserver.nodelay}, unless set otherwise): otherwise Nagle's algorithm meets the
     * client's delayed ACK and each small answer waits tens of milliseconds.
     */
    public static WitnessServer start(Witness witness, InetSocketAddress address) throws IOException {
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
        WitnessServer running = new WitnessServer(witness, HttpServer.create(address, 16));
        running.server.createContext("/", running::handle);
        running.server.setExecutor(running.threads);
        running.server.start();
        return running;
    }

    /** The address it listens on, with the port actually bound. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** {@code http://host:port}, the witness's submission and monitoring prefix. */
    public String url() {
        return "http://" + address().getHostString() + ":" + address().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            var monitor = MONITOR.matcher(path);
            WitnessAnswer answer;
            if (path.equals("/add-checkpoint")) {
                answer = exchange.getRequestMethod().equals("POST") ? addCheckpoint(exchange.getRequestBody())
                        : WitnessAnswer.refused(405, "add-checkpoint takes a POST");
            } else if (path.equals("/log-key-rotation")) {
                answer = exchange.getRequestMethod().equals("POST") ? addRotation(exchange.getRequestBody())
                        : WitnessAnswer.refused(405, "log-key-rotation takes a POST");
            } else if (monitor.matches() && exchange.getRequestMethod().equals("GET")) {
                answer = latest(monitor.group(1));
            } else {
                answer = WitnessAnswer.refused(404, "not found: " + path);
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private WitnessAnswer addCheckpoint(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            return WitnessAnswer.refused(413, "an add-checkpoint body is at most " + MAX_BODY + " bytes");
        }
        return witness.addCheckpoint(new String(body, StandardCharsets.UTF_8));
    }

    private WitnessAnswer addRotation(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            return WitnessAnswer.refused(413, "a log key rotation is at most " + MAX_BODY + " bytes");
        }
        return witness.addRotation(new String(body, StandardCharsets.UTF_8));
    }

    private WitnessAnswer latest(String originHash) throws IOException {
        Optional<SignedNote> note = witness.latestByOriginHash(originHash);
        return note.map(n -> new WitnessAnswer(200, WitnessAnswer.TEXT, n.toString()))
                .orElseGet(() -> WitnessAnswer.refused(404, "this witness never cosigned a checkpoint of that log"));
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdown();
    }
}
