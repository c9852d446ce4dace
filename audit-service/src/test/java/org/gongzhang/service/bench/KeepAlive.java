package org.gongzhang.service.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 keep-alive connection that sends GETs (and POSTs) and reads their answers with as little work
 * as an HTTP client can do: the request's bytes are built once, the answer's status line and
 * headers are scanned for the status, {@code Content-Length}, {@code Transfer-Encoding: chunked}
 * and {@code Connection: close}, and the body is read and thrown away. It measures what a server
 * costs when its readers are on other machines: {@link java.net.http.HttpClient}, shared by 200
 * threads, spent more CPU per request than the service it measured (239 against 149 µs per home
 * page, on the same two cores). A connection the server closes is opened again on the next GET.
 * Every request accepts gzip, as browsers ask; the body is read as sent, not unpacked.
 */
final class KeepAlive implements Closeable {

    private final InetSocketAddress address;
    private final String host;
    private final String language;
    private final byte[] request;
    private final byte[] line = new byte[8192];
    private final byte[] skip = new byte[16384];
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private String failure = "";
    private boolean keeping;
    private boolean keepEvery;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    /** A connection that sends GETs of {@code path}, built once ({@link #get()}); null: of the paths it is given. */
    KeepAlive(int port, String path, String language) {
        this.address = new InetSocketAddress("localhost", port);
        this.host = "localhost:" + port;
        this.language = language;
        this.request = path == null ? null : request(path);
    }

    /** A connection that sends GETs of the paths it is given ({@link #get(String)}). */
    KeepAlive(int port, String language) {
        this(port, null, language);
    }

    private byte[] request(String path) {
        return head("GET", path, "").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A request's head: its line, the headers every request sends, then {@code more} (each header ending in CRLF). */
    private String head(String method, String path, String more) {
        return method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept-Language: " + language
                + "\r\nAccept-Encoding: gzip, deflate, br\r\nUser-Agent: gongzhang-bench\r\n" + more + "\r\n";
    }

    /** Sends the GET and reads the whole answer: its status, or -1 when the connection failed. */
    int get() {
        return send(request);
    }

    /** Sends a GET of {@code path} and reads the whole answer: its status, or -1 when the connection failed. */
    int get(String path) {
        return send(request(path));
    }

    /** Sends a DELETE of {@code path} and reads the whole answer: its status, or -1 when the connection failed. */
    int delete(String path) {
        return send(head("DELETE", path, "").getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Sends a POST of {@code body} ({@code contentType}) to {@code path} and reads the whole answer:
     * its status, or -1 when the connection failed.
     */
    int post(String path, String contentType, byte[] body) {
        return post(path, contentType, body, null, null);
    }

    /**
     * {@link #post(String, String, byte[])} with one more header ({@code header}: {@code value}; none
     * when {@code header} is null).
     */
    int post(String path, String contentType, byte[] body, String header, String value) {
        return header == null ? postWith(path, contentType, body) : postWith(path, contentType, body, header, value);
    }

    /** {@link #post(String, String, byte[])} with more headers: name, value, name, value, … */
    int postWith(String path, String contentType, byte[] body, String... headers) {
        StringBuilder more = new StringBuilder();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            more.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        byte[] head = head("POST", path, "Content-Type: " + contentType + "\r\n" + more
                + "Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return send(request);
    }

    /** This connection, keeping every answer's body from now on ({@link #body()}), not only a failure's. */
    KeepAlive keepingBodies() {
        keepEvery = true;
        return this;
    }

    /** The last answer's body (its first 64 KB) when {@link #keepingBodies()}; else the last failure's. */
    String body() {
        return kept.toString(StandardCharsets.UTF_8);
    }

    /** The body of the last answer that was not a 2xx (its first 64 KB), or the error that failed it. */
    String failure() {
        return failure;
    }

    private int send(byte[] bytes) {
        try {
            if (socket == null) {
                open();
            }
            out.write(bytes);
            out.flush();
            return read();
        } catch (IOException e) {
            failure = e.toString();
            close();
            return -1;
        }
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(address, 10_000);
        socket.setSoTimeout(300_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 65_536);
    }

    private int read() throws IOException {
        String status = readLine();
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closing = value.equalsIgnoreCase("close");
                default -> {
                }
            }
        }
        kept.reset();
        keeping = keepEvery || code / 100 != 2;
        if (chunked) {
            for (long size = chunk(); size > 0; size = chunk()) {
                discard(size);
                readLine();
            }
            for (String trailer = readLine(); !trailer.isEmpty(); trailer = readLine()) {
                // trailers are read and dropped
            }
        } else if (length >= 0) {
            discard(length);
        } else if (code != 204 && code != 304) {
            closing = true; // a body up to the end of the connection
            for (int n = in.read(skip); n >= 0; n = in.read(skip)) {
                keep(n);
            }
        }
        if (keeping && code / 100 != 2) {
            failure = code + " " + kept.toString(StandardCharsets.UTF_8);
        }
        if (closing) {
            close();
        }
        return code;
    }

    private long chunk() throws IOException {
        String size = readLine();
        int extension = size.indexOf(';');
        return Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
    }

    private void discard(long length) throws IOException {
        long left = length;
        while (left > 0) {
            int n = in.read(skip, 0, (int) Math.min(skip.length, left));
            if (n < 0) {
                throw new EOFException("the answer ended " + left + " bytes short of its length");
            }
            keep(n);
            left -= n;
        }
    }

    private void keep(int n) {
        if (keeping && kept.size() < 65_536) {
            kept.write(skip, 0, Math.min(n, 65_536 - kept.size()));
        }
    }

    /** One line of the answer's head, without its CRLF. */
    private String readLine() throws IOException {
        int n = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the connection closed inside an answer's head");
            }
            if (b == '\n') {
                int end = n > 0 && line[n - 1] == '\r' ? n - 1 : n;
                return new String(line, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (n == line.length) {
                throw new IOException("a header line longer than " + line.length + " bytes");
            }
            line[n++] = (byte) b;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a broken connection: nothing more to do
            }
            socket = null;
        }
    }
}
