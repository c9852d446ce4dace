package org.gongzhang.service.log;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpHeaders;

/**
 * Answers a bundle download: 200 with its tag ({@link BundleTags}), a file name to save it as,
 * its length, and the ZIP streamed from the file it was written to ({@link BookAudit.Spooled}),
 * which is deleted once sent, also when the client goes away part way.
 */
public final class BundleDownloads {

    private static final String ZIP = "application/zip";

    private BundleDownloads() {
    }

    public static void send(BookAudit.Spooled bundle, String tag, String fileName, HttpServletResponse response)
            throws IOException {
        try (InputStream zip = bundle.open()) {
            head(tag, fileName, bundle.bytes(), response);
            zip.transferTo(response.getOutputStream());
        }
    }

    /** A bundle built in memory (one that carries a statement computed for the request). */
    public static void send(byte[] bundle, String tag, String fileName, HttpServletResponse response) throws IOException {
        head(tag, fileName, bundle.length, response);
        response.getOutputStream().write(bundle);
    }

    private static void head(String tag, String fileName, long bytes, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(ZIP);
        response.setHeader(HttpHeaders.ETAG, tag);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
        response.setContentLengthLong(bytes);
    }
}
