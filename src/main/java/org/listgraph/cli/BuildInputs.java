package org.listgraph.cli;

import org.listgraph.entry.InputLimits;
import org.listgraph.identity.KindRules;
import org.listgraph.identity.Overrides;
import org.listgraph.markdown.Manifest;
import org.listgraph.rdf.TopicSchemeReader;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The fingerprint of everything a build's output depends on: the bytes of every list, of each folder's
 * lists.json and overrides.json and of the project's ontology/kinds.json and topics.ttl, the base IRI, the
 * input limits, and the listgraph program itself (its jar's path, size and time). Equal fingerprints give
 * equal output, so a build that finds its fingerprint recorded with intact output has nothing to do.
 */
final class BuildInputs {
    /** Bumped when the fingerprint's recipe changes, so an older record never matches. */
    private static final String RECIPE = "listgraph build inputs 1";

    private BuildInputs() {
    }

    /**
     * The fingerprint of a build of {@code files} (already expanded, in order) from the project in the working folder,
     * with what check-links found of each link ({@link LinkCache#fingerprint}): identity takes its redirects as
     * evidence and the report shows dead links, so when it changes, so may the graph and the report.
     */
    static String of(List<Path> files, String base, InputLimits limits, List<String> linkChecks) {
        TreeMap<String, Path> inputs = new TreeMap<>();
        TreeSet<Path> folders = new TreeSet<>();
        for (Path f : files) {
            inputs.put("list " + f, f);
            Path folder = f.toAbsolutePath().getParent();
            if (folder != null) folders.add(folder);
        }
        for (Path folder : folders) {
            inputs.put("manifest " + folder, folder.resolve(Manifest.FILE_NAME));
            inputs.put("overrides " + folder, folder.resolve(Overrides.FILE_NAME));
        }
        inputs.put("kinds", Path.of(KindRules.FILE));
        inputs.put("topics", Path.of(TopicSchemeReader.FILE));
        MessageDigest all = BuildState.digest();
        update(all, RECIPE + "\nprogram " + program() + "\nbase " + base + "\nlimits " + limits + "\n");
        for (String l : linkChecks) update(all, "link " + l + "\n");
        // A file that is absent is part of the state too: adding an overrides.json must change the fingerprint.
        inputs.forEach((what, p) -> update(all, what + " " + (Files.isRegularFile(p) ? BuildState.sha256(p) : "absent") + "\n"));
        return HexFormat.of().formatHex(all.digest());
    }

    /**
     * The fingerprint of what reading and preparing one list depends on besides the list itself: the program, and the
     * project's ontology/kinds.json and topics.ttl (the salt of the list cache).
     */
    static String readers() {
        MessageDigest d = BuildState.digest();
        update(d, "listgraph readers 1\nprogram " + program() + "\n");
        for (Path p : List.of(Path.of(KindRules.FILE), Path.of(TopicSchemeReader.FILE))) {
            update(d, p + " " + (Files.isRegularFile(p) ? BuildState.sha256(p) : "absent") + "\n");
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /**
     * The running program: its jar's absolute path, size and modification time (a rebuilt jar differs), or, run
     * from a classes folder (tests, an IDE), its version alone.
     */
    private static String program() {
        try {
            var source = BuildInputs.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                Path p = Path.of(source.getLocation().toURI());
                if (Files.isRegularFile(p)) {
                    return p.toAbsolutePath() + " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis() + " " + Main.version();
                }
            }
        } catch (IOException | URISyntaxException | SecurityException | IllegalArgumentException e) {
            // not a plain file: fall back to the version
        }
        return "classes " + Main.version();
    }

    private static void update(MessageDigest d, String text) {
        d.update(text.getBytes(StandardCharsets.UTF_8));
    }
}
