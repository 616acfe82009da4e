package org.listgraph.markdown;

import com.fasterxml.jackson.databind.JsonNode;
import org.listgraph.entry.BadInputException;
import org.listgraph.entry.Kind;
import org.listgraph.entry.KindDefaults;
import org.listgraph.entry.ListInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code lists/lists.json}: what is known about each list file (id, title, origin, licence, which
 * list it is a later version of). Keys are file names relative to the manifest's folder.
 */
public final class Manifest {
    /** The manifest's file name inside a lists folder. */
    public static final String FILE_NAME = "lists.json";
    private static final Set<String> FIELDS = Set.of("id", "title", "file", "origin", "license", "revisionOf", "lintOff", "kind",
            "sectionKinds");

    private final Map<Path, ListInfo> byFile;

    private Manifest(Map<Path, ListInfo> byFile) {
        this.byFile = byFile;
    }

    /** A manifest that knows no list. */
    public static Manifest empty() {
        return new Manifest(Map.of());
    }

    /** Reads {@code dir/lists.json} if it exists, else returns an empty manifest. */
    public static Manifest inFolder(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) return empty();
        org.listgraph.entry.InsideFolder.check(dir, file);
        return read(file);
    }

    /** Reads and checks a manifest; every mistake is a {@link BadInputException} naming the file, line and field. */
    public static Manifest read(Path file) {
        JsonNode root;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            root = StrictJson.read(in, file.toString(), "manifest");
        } catch (IOException e) {
            throw new BadInputException(file + ": error: cannot read the manifest (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject() || !root.path("lists").isArray()) {
            throw new BadInputException(file + ":1:1: error: manifest must be an object with a \"lists\" array");
        }
        Path dir = file.toAbsolutePath().getParent();
        Map<Path, ListInfo> byFile = new LinkedHashMap<>();
        Map<String, String> ids = new LinkedHashMap<>();
        int n = 0;
        for (JsonNode item : root.get("lists")) {
            String where = file + ": error: lists[" + n++ + "]";
            if (!item.isObject()) throw new BadInputException(where + " must be an object");
            for (Iterator<String> it = item.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!FIELDS.contains(f)) throw new BadInputException(where + ": unknown field \"" + f + "\" (known: " + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
            }
            String id = text(item, "id", where, true);
            String fileName = text(item, "file", where, true);
            String title = text(item, "title", where, true);
            String origin = text(item, "origin", where, false);
            String license = text(item, "license", where, false);
            String revisionOf = text(item, "revisionOf", where, false);
            List<String> lintOff = new ArrayList<>();
            JsonNode off = item.get("lintOff");
            if (off != null) {
                if (!off.isArray()) throw new BadInputException(where + ".lintOff must be an array of lint rule ids, e.g. [\"title-case\"]");
                for (JsonNode rule : off) {
                    if (!rule.isTextual() || !rule.asText().matches("[a-z][a-z-]*")) {
                        throw new BadInputException(where + ".lintOff holds " + rule + "; give lint rule ids such as \"title-case\"");
                    }
                    lintOff.add(rule.asText());
                }
            }
            if (!ListInfo.ID.matcher(id).matches() || ListInfo.RESERVED_IDS.contains(id)) {
                throw new BadInputException(where + ".id \"" + id + "\": use lowercase letters, digits and dashes (not "
                        + String.join("/", ListInfo.RESERVED_IDS.stream().sorted().toList()) + ")");
            }
            if (ids.put(id, fileName) != null) throw new BadInputException(where + ".id \"" + id + "\" is used twice");
            if (origin != null && !origin.matches("(?i)https?://\\S+")) {
                throw new BadInputException(where + ".origin must be an http(s) URL, got \"" + origin + "\"");
            }
            if (license != null && !license.matches("[A-Za-z0-9.+-]+")) {
                throw new BadInputException(where + ".license must be an SPDX id such as Apache-2.0, got \"" + license + "\"");
            }
            Path target = dir.resolve(fileName).normalize();
            if (!target.startsWith(dir)) {
                throw new BadInputException(where + ".file \"" + fileName + "\" points outside " + dir.getFileName() + "/");
            }
            if (!Files.isRegularFile(target)) {
                throw new BadInputException(where + ".file \"" + fileName + "\" does not exist in " + dir
                        + "; fix the file name or remove the entry");
            }
            byFile.put(target, new ListInfo(id, title, fileName, origin, license, revisionOf, lintOff, kinds(item, where)));
        }
        for (ListInfo info : byFile.values()) {
            if (info.revisionOf() != null && !ids.containsKey(info.revisionOf())) {
                throw new BadInputException(file + ": error: list \"" + info.id() + "\".revisionOf names \"" + info.revisionOf()
                        + "\", which is not an id in the manifest");
            }
        }
        return new Manifest(byFile);
    }

    /** {@code "kind": "Book"} and {@code "sectionKinds": {"(?i)talks": "Talk"}}: the kinds a list declares. */
    private static KindDefaults kinds(JsonNode item, String where) {
        String kind = text(item, "kind", where, false);
        Kind listKind = kind == null ? null : kindNamed(kind, where + ".kind");
        List<KindDefaults.SectionKind> sections = new ArrayList<>();
        JsonNode sk = item.get("sectionKinds");
        if (sk != null) {
            if (!sk.isObject()) throw new BadInputException(where + ".sectionKinds must map a heading pattern to a kind, e.g. {\"(?i)talks\": \"Talk\"}");
            for (Iterator<Map.Entry<String, JsonNode>> it = sk.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String at = where + ".sectionKinds[\"" + e.getKey() + "\"]";
                if (!e.getValue().isTextual()) throw new BadInputException(at + " must be a kind name such as \"Talk\"");
                try {
                    sections.add(new KindDefaults.SectionKind(Pattern.compile(e.getKey()), kindNamed(e.getValue().asText(), at)));
                } catch (PatternSyntaxException bad) {
                    throw new BadInputException(at + ": not a valid regular expression (" + bad.getDescription() + ")");
                }
            }
        }
        return listKind == null && sections.isEmpty() ? KindDefaults.NONE : new KindDefaults(listKind, sections);
    }

    private static Kind kindNamed(String name, String where) {
        for (Kind k : Kind.values()) if (k.localName().equals(name)) return k;
        throw new BadInputException(where + ": unknown kind \"" + name + "\" (one of: "
                + String.join(", ", java.util.Arrays.stream(Kind.values()).map(Kind::localName).toList()) + ")");
    }

    private static String text(JsonNode item, String field, String where, boolean required) {
        JsonNode v = item.get(field);
        if (v == null || v.isNull()) {
            if (required) throw new BadInputException(where + ": missing field \"" + field + "\"");
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new BadInputException(where + "." + field + " must be a non-empty string");
        }
        return v.asText().strip();
    }

    /** What the manifest says about a file, if anything. */
    public Optional<ListInfo> find(Path file) {
        return Optional.ofNullable(byFile.get(file.toAbsolutePath().normalize()));
    }
}
