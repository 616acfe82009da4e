package org.listgraph.cli;

import org.listgraph.entry.UsageException;
import org.listgraph.store.RemoteEndpoint;
import picocli.CommandLine.Model.CommandSpec;

import java.util.Map;

/** Turns an {@code --endpoint} option into a remote endpoint with credentials from the environment. */
final class Endpoints {
    private Endpoints() {
    }

    /** The endpoint, or null when {@code url} is null; refused together with {@code --db} or {@code --data}. */
    static RemoteEndpoint of(String url, CommandSpec spec, Map<String, String> env) {
        return of(url, spec, env, RemoteEndpoint.DEFAULT_CONNECT_TIMEOUT, RemoteEndpoint.DEFAULT_READ_TIMEOUT);
    }

    /** As {@link #of(String, CommandSpec, Map)}, with the given connect and read timeouts. */
    static RemoteEndpoint of(String url, CommandSpec spec, Map<String, String> env, java.time.Duration connect, java.time.Duration read) {
        if (url == null) return null;
        var parsed = spec.commandLine().getParseResult();
        for (String local : new String[]{"--db", "--data"}) {
            if (parsed.hasMatchedOption(local)) throw new UsageException("use " + local + " or --endpoint, not both");
        }
        return RemoteEndpoint.of(url, env, connect, read);
    }
}
