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
            refuse((HttpServletResponse) response, 413, "request body larger than " + maxBytes + " bytes; send a shorter query");
        } else if (length < 0 && req.getHeader("Transfer-Encoding") != null) {
            refuse((HttpServletResponse) response, 411, "a request body needs a Content-Length (at most " + maxBytes + " bytes); send it unchunked");
        } else {
            chain.doFilter(req, response);
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
