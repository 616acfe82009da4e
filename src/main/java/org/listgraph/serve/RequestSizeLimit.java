package org.listgraph.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Refuses request bodies over a size with 413, and bodies of undeclared length (chunked) with 411:
 * Fuseki reads a query body whole into memory and Jetty parses forms from its own input, so only a
 * length checked before anything is read keeps one client from making the server hold any amount of text.
 */
final class RequestSizeLimit implements Filter {
    private final long maxBytes;

    RequestSizeLimit(long maxBytes) {
        if (maxBytes < 1) throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        this.maxBytes = maxBytes;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        long length = req.getContentLengthLong();
        if (length > maxBytes) {
            drain(req, DRAIN_LIMIT);
            refuse((HttpServletResponse) response, 413, "request body larger than " + maxBytes + " bytes; send a shorter query");
        } else if (length < 0 && req.getHeader("Transfer-Encoding") != null) {
            drain(req, DRAIN_LIMIT);
            refuse((HttpServletResponse) response, 411, "a request body needs a Content-Length (at most " + maxBytes + " bytes); send it unchunked");
        } else {
            chain.doFilter(req, response);
            // A request refused downstream (a PUT to the read-only store) may leave its body unread; reading it lets
            // the connection close after the answer is sent, where unread bytes would make the closing socket reset
            // it and the client see no answer at all.
            if (length > 0) drain(req, maxBytes);
        }
    }

    /** At most this much of a refused body is read so that the refusal reaches the client; a larger one is cut off. */
    private static final long DRAIN_LIMIT = 8L << 20;

    /** Reads and drops what is left of the request body, up to {@code limit} bytes. */
    private static void drain(HttpServletRequest req, long limit) {
        try {
            var in = req.getInputStream();
            byte[] buf = new byte[64 * 1024];
            long read = 0;
            int n;
            while (read < limit && (n = in.read(buf, 0, (int) Math.min(buf.length, limit - read))) > 0) read += n;
        } catch (IOException | IllegalStateException e) {
            // read already as a form or through a reader, or the client went away: nothing left to do
        }
    }

    private static void refuse(HttpServletResponse resp, int status, String why) throws IOException {
        byte[] body = (why + "\n").getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setHeader("Connection", "close"); // the body is not read
        resp.setContentType("text/plain; charset=utf-8");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
