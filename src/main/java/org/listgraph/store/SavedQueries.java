package org.listgraph.store;

import org.listgraph.entry.BadInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The saved queries: those shipped in the jar ({@code ontology/queries/}), overridden or extended by
 * a project's own {@code ontology/queries/} folder in the working directory.
 */
public final class SavedQueries {
    private static final String RESOURCE_DIR = "ontology/queries";
    private final Map<String, SavedQuery> byName;

    private SavedQueries(Map<String, SavedQuery> byName) {
        this.byName = byName;
    }

    /** The shipped queries plus those in {@code projectDir/ontology/queries} (which win on equal names). */
    public static SavedQueries load(Path projectDir) {
        Map<String, SavedQuery> all = new TreeMap<>();
        readShipped(all);
        Path local = projectDir.resolve(RESOURCE_DIR);
        if (Files.isDirectory(local)) readFolder(local, all);
        return new SavedQueries(all);
    }

    public Optional<SavedQuery> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Map<String, SavedQuery> all() {
        return byName;
    }

    private static void readShipped(Map<String, SavedQuery> into) {
        URL url = SavedQueries.class.getClassLoader().getResource(RESOURCE_DIR);
        if (url == null) return;
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    readFolder(fs.getPath(RESOURCE_DIR), into);
                }
            } else {
                readFolder(Path.of(uri), into);
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the shipped saved queries: " + e.getMessage(), e);
        }
    }

    private static void readFolder(Path dir, Map<String, SavedQuery> into) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".rq")).sorted().toList()) {
                String name = f.getFileName().toString().replaceFirst("\\.rq$", "");
                try (InputStream in = Files.newInputStream(f)) {
                    into.put(name, SavedQuery.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new BadInputException(dir + ": error: cannot read saved queries (" + e.getMessage() + ")");
        } catch (UncheckedIOException e) {
            throw new BadInputException(dir + ": error: cannot read saved queries (" + e.getMessage() + ")");
        }
    }
}
