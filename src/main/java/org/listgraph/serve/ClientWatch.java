package org.listgraph.serve;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.AbstractEndPoint;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Raises a query's cancel signal when its client closes the connection. Jetty notices a closed
 * connection only when it reads or writes, and a query that sorts, groups, counts or skips writes
 * nothing until that work is done, so while the query runs the connection is watched for reading:
 * the client sends nothing while it waits for an answer, so the connection turns readable only when
 * it ends (or, rarely, when the client pipelines its next request; see {@link #pipelined}).
 */
final class ClientWatch implements AutoCloseable {
    /** Fails our fill interest when the query ends; recognised and ignored by the probe. */
    private static final CancellationException ENDED = new CancellationException("the query has ended");

    private static final ClientWatch NONE = new ClientWatch(null, null, null);

    private final AbstractEndPoint endPoint;
    private final HttpServletResponse response;
    private final AtomicBoolean signal;
    private boolean active = true;
    private boolean armed;

    private ClientWatch(AbstractEndPoint endPoint, HttpServletResponse response, AtomicBoolean signal) {
        this.endPoint = endPoint;
        this.response = response;
        this.signal = signal;
    }

    /**
     * Watches the connection {@code request} came on until {@link #close}, setting {@code signal}
     * if the client goes. Only HTTP/1 connections are watched: an HTTP/2 connection carries other
     * requests, whose bytes are not ours to read. The request's body, if any, has been read whole
     * (the query was parsed from it) before this is called.
     */
    static ClientWatch start(HttpServletRequest request, HttpServletResponse response, AtomicBoolean signal) {
        ServletContextRequest jetty = ServletContextRequest.getServletContextRequest(request);
        if (jetty == null || signal == null) return NONE;
        HttpVersion version = jetty.getConnectionMetaData().getHttpVersion();
        if (version != HttpVersion.HTTP_1_1 && version != HttpVersion.HTTP_1_0) return NONE;
        EndPoint endPoint = jetty.getConnectionMetaData().getConnection().getEndPoint();
        if (!(endPoint instanceof AbstractEndPoint abstractEndPoint)) return NONE;
        ClientWatch watch = new ClientWatch(abstractEndPoint, response, signal);
        watch.arm();
        return watch;
    }

    private synchronized void arm() {
        if (!active || armed) return;
        // Someone else already waiting to read (Jetty itself, for a body) means we do not watch.
        armed = endPoint.tryFillInterested(new Probe());
    }

    /** Stops watching; the connection is Jetty's again, as it was. */
    @Override
    public synchronized void close() {
        if (endPoint == null || !active) return;
        active = false;
        if (armed) {
            armed = false;
            endPoint.getFillInterest().onFail(ENDED); // fails our probe and clears the interest, so Jetty can read the next request
        }
    }

    private synchronized void gone() {
        if (active) signal.set(true);
    }

    /**
     * The client sent bytes while waiting: a pipelined request, now read and lost. The answer says the
     * connection closes after it when it still can, and HTTP/1.1 clients that pipeline retry what a
     * closed connection left unanswered; a committed answer leaves the client to its idle timeout.
     */
    private synchronized void pipelined() {
        if (active && !response.isCommitted()) response.setHeader("Connection", "close");
        active = false;
    }

    /** Called by Jetty's selector when the connection turns readable or closes; reads at most a few bytes. */
    private final class Probe implements Callback {
        @Override
        public void succeeded() {
            synchronized (ClientWatch.this) {
                armed = false;
                if (!active) return;
            }
            ByteBuffer buffer = BufferUtil.allocate(16);
            int read;
            try {
                read = endPoint.fill(buffer);
            } catch (IOException e) {
                gone(); // reset by the peer
                return;
            }
            if (read < 0) gone();
            else if (read > 0) pipelined();
            else arm(); // woken with nothing to read: watch again
        }

        @Override
        public void failed(Throwable cause) {
            synchronized (ClientWatch.this) {
                armed = false;
            }
            if (cause == ENDED) return;
            if (cause instanceof TimeoutException) arm(); // the connection's idle timeout, not the client: the query's own timeout governs
            else gone(); // the connection closed under us
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING; // a short read, done on the selector's thread
        }
    }
}
