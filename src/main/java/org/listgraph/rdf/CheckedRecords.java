package org.listgraph.rdf;

import org.listgraph.identity.IriMinter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A small text file of tab-separated records that a build keeps for the next one (under output/cache): a header
 * line naming its format, one line per record, and a last line with the SHA-256 of all before it. A file that is
 * absent, of another format, cut short or edited reads as nothing, so what it held is made again, never trusted.
 */
public final class CheckedRecords {
    private static final String CHECK = "sha256 ";

    private final Path file;
    private final String header;

    /** The records of {@code file} in the format named {@code header} (one line, no tab). */
    public CheckedRecords(Path file, String header) {
        if (header.contains("\n") || header.contains("\t")) throw new IllegalArgumentException("a header is one line with no tab");
        this.file = file;
        this.header = header;
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** The records, each split at its tabs; empty when the file is absent or does not check. */
    public Optional<List<String[]>> read() {
        try {
            if (!Files.isRegularFile(file)) return Optional.empty();
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int check = text.lastIndexOf(CHECK);
            if (!text.startsWith(header + "\n") || check < 0 || !text.endsWith("\n")) return Optional.empty();
            String body = text.substring(0, check);
            if (!text.substring(check + CHECK.length(), text.length() - 1).equals(IriMinter.sha256(body.getBytes(StandardCharsets.UTF_8)))) {
                return Optional.empty();
            }
            List<String[]> out = new ArrayList<>();
            for (String line : body.substring(header.length() + 1).split("\n")) {
                if (!line.isEmpty()) out.add(line.split("\t", -1));
            }
            return Optional.of(out);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Writes the records (fields must hold no tab or line break) under a temporary name, then renames it into place. */
    public void write(List<String[]> records) throws IOException {
        StringBuilder text = new StringBuilder(header).append('\n');
        for (String[] r : records) {
            for (String field : r) {
                if (field.contains("\t") || field.contains("\n")) throw new IllegalArgumentException("a field holds a tab or a line break");
            }
            text.append(String.join("\t", r)).append('\n');
        }
        String check = IriMinter.sha256(text.toString().getBytes(StandardCharsets.UTF_8));
        text.append(CHECK).append(check).append('\n');
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
