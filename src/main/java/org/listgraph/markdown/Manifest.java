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
        List<Integer> lines = itemLines(file);
        Map<Path, ListInfo> byFile = new LinkedHashMap<>();
        Map<String, String> ids = new LinkedHashMap<>();
        Map<Path, Integer> fileAt = new LinkedHashMap<>();
        Map<String, String> itemAt = new LinkedHashMap<>(); // id -> "file:line: error: lists[n]", for the checks across items
        List<String> mistakes = new ArrayList<>();
        int n = 0;
        for (JsonNode item : root.get("lists")) {
            int index = n++;
            String where = file + ":" + (index < lines.size() ? lines.get(index) : 1) + ": error: lists[" + index + "]";
            try {
                ListInfo info = item(item, where, dir, ids);
                Path target = dir.resolve(info.file()).normalize();
                Integer earlier = fileAt.putIfAbsent(target, index);
                if (earlier != null) {
                    throw new BadInputException(where + ".file \"" + info.file() + "\" is already lists[" + earlier
                            + "]'s file; a file is one list: remove one of the two entries");
                }
                itemAt.put(info.id(), where);
                byFile.put(target, info);
            } catch (BadInputException e) {
                mistakes.add(e.getMessage());
                // Its id still names a list, so another entry's revisionOf naming it is no second mistake.
                if (item.path("id").isTextual()) ids.putIfAbsent(item.path("id").asText().strip(), "");
            }
        }
        Map<String, String> revisionOf = new LinkedHashMap<>();
        for (ListInfo info : byFile.values()) if (info.revisionOf() != null) revisionOf.put(info.id(), info.revisionOf());
        for (Map.Entry<String, String> r : revisionOf.entrySet()) {
            String where = itemAt.get(r.getKey());
            if (!ids.containsKey(r.getValue())) {
                mistakes.add(where + ".revisionOf names \"" + r.getValue() + "\", which is not an id in the manifest");
            } else if (r.getValue().equals(r.getKey())) {
                mistakes.add(where + ".revisionOf names the list itself (\"" + r.getKey() + "\"); name the earlier list it revises");
            } else {
                List<String> chain = revisionChain(r.getKey(), revisionOf);
                if (chain != null && chain.stream().sorted().findFirst().orElseThrow().equals(r.getKey())) { // each cycle reported once
                    mistakes.add(where + ".revisionOf makes a cycle (" + String.join(" -> ", chain) + " -> " + r.getKey()
                            + "); a list can only revise an earlier one");
                }
            }
        }
        if (!mistakes.isEmpty()) throw new BadInputException(mistakes);
        return new Manifest(byFile);
    }

    /** One entry of the manifest, checked on its own; {@code ids} collects the ids seen so far. */
    private static ListInfo item(JsonNode item, String where, Path dir, Map<String, String> ids) {
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
        if (ids.putIfAbsent(id, fileName) != null) throw new BadInputException(where + ".id \"" + id + "\" is used twice");
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
        if (Files.isDirectory(target)) {
            throw new BadInputException(where + ".file \"" + fileName + "\" is a folder; name a .md list file in " + dir.getFileName() + "/");
        }
        if (!target.getParent().equals(dir)) {
            throw new BadInputException(where + ".file \"" + fileName + "\" is in a subfolder, which a build does not read; move it into "
                    + dir.getFileName() + "/ or give it a manifest of its own folder");
        }
        String name = target.getFileName().toString();
        if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".md") || name.equalsIgnoreCase("README.md")) {
            throw new BadInputException(where + ".file \"" + fileName + "\" is not a list file a build reads (a .md file other than README.md); "
                    + "rename it or remove the entry");
        }
        if (!Files.isRegularFile(target)) {
            throw new BadInputException(where + ".file \"" + fileName + "\" does not exist in " + dir
                    + "; fix the file name or remove the entry");
        }
        return new ListInfo(id, title, fileName, origin, license, revisionOf, lintOff, kinds(item, where));
    }

    /** The ids from {@code start} along revisionOf back to {@code start} again, or null when the chain ends. */
    private static List<String> revisionChain(String start, Map<String, String> revisionOf) {
        List<String> chain = new ArrayList<>(List.of(start));
        for (String next = revisionOf.get(start); next != null; next = revisionOf.get(next)) {
            if (next.equals(start)) return chain;
            if (chain.contains(next)) return null; // a cycle further on, reported from its own members
            chain.add(next);
        }
        return null;
    }

    /** The line each element of the "lists" array starts on, in order (for messages; 1 when unknown). */
    private static List<Integer> itemLines(Path file) {
        List<Integer> lines = new ArrayList<>();
        try (com.fasterxml.jackson.core.JsonParser p = new com.fasterxml.jackson.core.JsonFactory().createParser(file.toFile())) {
            int depth = 0;
            boolean inLists = false;
            for (com.fasterxml.jackson.core.JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t.isStructStart()) {
                    if (inLists && depth == 2) lines.add(p.currentTokenLocation().getLineNr());
                    if (depth == 1 && t == com.fasterxml.jackson.core.JsonToken.START_ARRAY && "lists".equals(p.currentName())) inLists = true;
                    depth++;
                } else if (t.isStructEnd()) {
                    depth--;
                    if (depth == 1) inLists = false;
                } else if (inLists && depth == 2) {
                    lines.add(p.currentTokenLocation().getLineNr()); // a scalar where an object belongs
                }
            }
        } catch (IOException e) {
            return List.of(); // already read once; lines are only for messages
        }
        return lines;
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
