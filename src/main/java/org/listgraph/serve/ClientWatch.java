package org.listgraph.serve;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.AbstractEndPoint;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.internal.HttpConnection;
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
 * it ends (or, rarely, when the client pipelines its next request; see {@link #close}). A client that only shuts
 * down its sending side after its request looks the same as one that went, and its query is stopped too.
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
    /** The watch read bytes the client sent: a pipelined request, lost. */
    private boolean lostBytes;

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

    /**
     * Stops watching, on the request's thread before the answer completes; the connection is Jetty's again. If the
     * watch read bytes of a request the client pipelined, they are lost: the connection then closes after this
     * answer (saying so when the answer has not started), and HTTP/1.1 clients that pipeline send again what a
     * closed connection left unanswered.
     */
    @Override
    public synchronized void close() {
        if (endPoint == null || !active) return;
        active = false;
        if (armed) {
            armed = false;
            // Fails our probe and clears the interest, so Jetty can read the next request. Nothing else can hold the
            // interest now: Jetty reads no more of a request once its body is read (the query was parsed from it).
            endPoint.getFillInterest().onFail(ENDED);
        }
        if (lostBytes) {
            if (!response.isCommitted()) response.setHeader("Connection", "close");
            if (endPoint.getConnection() instanceof HttpConnection http1) http1.getGenerator().setPersistent(false);
        }
    }

    private void gone() {
        signal.set(true);
    }

    /** Called by Jetty's selector when the connection turns readable or closes; reads at most a few bytes. */
    private final class Probe implements Callback {
        @Override
        public void succeeded() {
            // Under the watch's lock, the read included (it does not block): close() cannot come between the look
            // at {@code active} and the read, so it always knows of bytes read.
            synchronized (ClientWatch.this) {
                armed = false;
                if (!active) return;
                ByteBuffer buffer = BufferUtil.allocate(16);
                int read;
                try {
                    read = endPoint.fill(buffer);
                } catch (IOException e) {
                    gone(); // reset by the peer
                    return;
                }
                if (read < 0) gone();
                else if (read > 0) lostBytes = true; // a pipelined request: see close()
                else arm(); // woken with nothing to read: watch again
            }
        }

        @Override
        public void failed(Throwable cause) {
            synchronized (ClientWatch.this) {
                armed = false;
                if (cause == ENDED || !active) return;
                // Jetty does not time a connection out while its request is handled; should it, the query's own timeout governs.
                if (cause instanceof TimeoutException) arm();
                else gone(); // the connection closed under us
            }
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING; // a short read, done on the selector's thread
        }
    }
}
