package org.listgraph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.listgraph.entry.LinkCheck;
import org.listgraph.export.AtomicFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The results of earlier link checks, by URL, in {@code OUTPUT/cache/links.json}: a URL checked within {@code --max-age}
 * is not asked again. A file that cannot be read whole is not trusted: every URL is checked again.
 */
final class LinkCache {
    static final String FILE = "cache/links.json";
    private static final int FORMAT = 1;
    final Map<String, LinkCheck> checks = new TreeMap<>();

    static LinkCache read(Path output) {
        return readFile(output.resolve(FILE));
    }

    /** The checks kept in {@code file}; none when it is not there or cannot be read whole. */
    static LinkCache readFile(Path file) {
        LinkCache c = new LinkCache();
        if (!Files.isRegularFile(file)) return c;
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            if (root.path("format").asInt() != FORMAT) return new LinkCache();
            for (JsonNode n : root.path("checks")) {
                List<String> hops = new ArrayList<>();
                n.path("redirects").forEach(h -> hops.add(h.asText()));
                LinkCheck check = new LinkCheck(n.get("url").asText(), n.get("status").asInt(), n.get("final").asText(), hops,
                        n.get("moved").asBoolean(), Instant.parse(n.get("checkedAt").asText()),
                        n.hasNonNull("problem") ? n.get("problem").asText() : null);
                c.checks.put(check.url(), check);
            }
            return c;
        } catch (IOException | RuntimeException e) {
            return new LinkCache();
        }
    }

    /**
     * Each URL whose redirects end at another URL (not the same one written another way), as a pair for identity, in
     * URL order, with what found it.
     */
    java.util.List<org.listgraph.identity.Overrides.Pair> redirects() {
        java.util.List<org.listgraph.identity.Overrides.Pair> out = new ArrayList<>();
        for (LinkCheck c : checks.values()) {
            if (c.state() == LinkCheck.State.MOVED) {
                out.add(new org.listgraph.identity.Overrides.Pair(c.url(), c.finalUrl(), "check-links found " + c.url() + " redirecting to "
                        + c.finalUrl()));
            }
        }
        return out;
    }

    /** What a build's report and identity take from the checks, a line per URL: a build compares it to decide nothing changed. */
    List<String> fingerprint() {
        List<String> lines = new ArrayList<>();
        checks.values().forEach(c -> lines.add(c.url() + " " + c.state().id() + " " + c.finalUrl()));
        return lines;
    }

    void write(Path output) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode().put("format", FORMAT);
        ArrayNode all = root.putArray("checks");
        for (LinkCheck c : checks.values()) {
            ObjectNode n = all.addObject().put("url", c.url()).put("status", c.status()).put("final", c.finalUrl()).put("moved", c.moved())
                    .put("checkedAt", c.checkedAt().toString()).put("problem", c.problem());
            ArrayNode hops = n.putArray("redirects");
            c.redirects().forEach(hops::add);
        }
        try {
            Files.createDirectories(output.resolve(FILE).getParent());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        AtomicFile.write(output.resolve(FILE), o -> o.write(json.writeValueAsBytes(root)));
    }
}
