package org.listgraph.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Refuses request bodies over a size with 413: Fuseki reads a query body whole into memory, so
 * without this one client could make the server hold any amount of text. A declared length is
 * checked before reading; a chunked body is cut off when it passes the limit.
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
        if (req.getContentLengthLong() > maxBytes) {
            tooLarge((HttpServletResponse) response);
            return;
        }
        chain.doFilter(req.getContentLengthLong() >= 0 ? req : new Bounded(req), response);
    }

    private void tooLarge(HttpServletResponse resp) throws IOException {
        byte[] body = ("request body larger than " + maxBytes + " bytes; send a shorter query\n").getBytes(StandardCharsets.UTF_8);
        resp.setStatus(413);
        resp.setHeader("Connection", "close"); // the rest of the body is not read
        resp.setContentType("text/plain; charset=utf-8");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    /** A request of unknown length whose body stream fails once more than the limit has been read. */
    private final class Bounded extends HttpServletRequestWrapper {
        private ServletInputStream counted;

        Bounded(HttpServletRequest req) {
            super(req);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) counted = new Counted(super.getInputStream());
            return counted;
        }
    }

    private final class Counted extends ServletInputStream {
        private final ServletInputStream in;
        private long read;

        Counted(ServletInputStream in) {
            this.in = in;
        }

        private int count(int n) throws IOException {
            if (n > 0) read += n;
            if (read > maxBytes) throw new IOException("request body larger than " + maxBytes + " bytes");
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return count(in.read(b, off, len));
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
