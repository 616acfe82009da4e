package org.listgraph.entry;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What checking one URL found: the last HTTP status (0 when no answer came), the URL the redirects ended at, each hop
 * of them, when it was checked, and in words what went wrong when no status tells it (a timeout, a refused connection,
 * a redirect loop). {@code moved}: the redirects end at another URL, not the same one written another way (http to
 * https, a trailing slash).
 */
public record LinkCheck(String url, int status, String finalUrl, List<String> redirects, boolean moved, Instant checkedAt, String problem) {
    public LinkCheck {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(finalUrl, "finalUrl");
        redirects = List.copyOf(redirects);
        Objects.requireNonNull(checkedAt, "checkedAt");
        if (status < 0 || status > 999) throw new IllegalArgumentException("not an HTTP status: " + status);
    }

    /** What the check says of the link, for people and for the exit code. */
    public enum State {
        /** It answers (2xx), at its own URL. */
        OK,
        /** It answers, after redirects to another URL: the list should say the new one. */
        MOVED,
        /** It is gone: 404 or 410, no such host, a refused connection, or redirects that never end. */
        DEAD,
        /** The server would not say (401, 403, or 429 after the retries): a site that keeps robots out, not a dead link. */
        REFUSED,
        /** No clear answer: a timeout, a server error (5xx), or another status; checked again next time. */
        UNSURE;

        /** The state's name in the graph and in JSON ({@code "dead"}). */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The state this result means. */
    public State state() {
        if (status == 404 || status == 410 || "no such host".equals(problem) || "connection refused".equals(problem)
                || problem != null && problem.startsWith("redirect")) {
            return State.DEAD;
        }
        if (status >= 200 && status < 300) return moved ? State.MOVED : State.OK;
        if (status == 401 || status == 403 || status == 429) return State.REFUSED;
        return State.UNSURE;
    }
}
