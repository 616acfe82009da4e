package org.listgraph.identity;

import com.fasterxml.jackson.databind.JsonNode;
import org.listgraph.entry.BadInputException;
import org.listgraph.markdown.StrictJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code lists/overrides.json}: merges a curator forces or forbids, for works (by URL), people
 * (by {@code github:handle}, {@code twitter:handle}, … or {@code name:Full Name}) and topics (by
 * heading text). A forbidden pair is never in one cluster, whatever the evidence.
 */
public final class Overrides {
    /** The file name, beside {@code lists.json}. */
    public static final String FILE_NAME = "overrides.json";
    private static final Set<String> SECTIONS = Set.of("works", "people", "topics");
    private static final Set<String> ACTIONS = Set.of("merge", "keepApart");

    /** Two things to join or to keep apart, with where the pair was written. */
    public record Pair(String a, String b, String source) {
    }

    private final List<Pair> mergeWorks;
    private final List<Pair> apartWorks;
    private final List<Pair> mergePeople;
    private final List<Pair> apartPeople;
    private final List<Pair> mergeTopics;
    private final List<Pair> apartTopics;
    /** URLs that redirect to other URLs (the last check-links), each pair one work when both are listed; none unless given. */
    private final List<Pair> redirects;

    private Overrides(List<List<Pair>> lists) {
        this(lists, List.of());
    }

    private Overrides(List<List<Pair>> lists, List<Pair> redirects) {
        this.mergeWorks = lists.get(0);
        this.apartWorks = lists.get(1);
        this.mergePeople = lists.get(2);
        this.apartPeople = lists.get(3);
        this.mergeTopics = lists.get(4);
        this.apartTopics = lists.get(5);
        this.redirects = List.copyOf(redirects);
    }

    /** These overrides, and URLs that redirect to others ({@code a} to {@code b}) as evidence that two listed URLs are one work. */
    public Overrides withRedirects(List<Pair> moved) {
        return new Overrides(List.of(mergeWorks, apartWorks, mergePeople, apartPeople, mergeTopics, apartTopics), moved);
    }

    public List<Pair> redirects() {
        return redirects;
    }

    /** The overrides of every folder's {@code overrides.json}, joined. */
    public static Overrides inFolders(Iterable<Path> folders) {
        List<List<Pair>> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) all.add(new ArrayList<>());
        for (Path dir : folders) {
            Path f = dir.resolve(FILE_NAME);
            if (!Files.isRegularFile(f)) continue;
            org.listgraph.entry.InsideFolder.check(dir, f);
            read(f, all);
        }
        return new Overrides(all.stream().map(List::copyOf).toList());
    }

    private static void read(Path file, List<List<Pair>> into) {
        JsonNode root;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            root = StrictJson.read(in, file.toString(), "overrides file");
        } catch (IOException e) {
            throw new BadInputException(file + ": error: cannot read the overrides (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) throw new BadInputException(file + ": error: overrides must be a JSON object");
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String section = it.next();
            if (!SECTIONS.contains(section)) {
                throw new BadInputException(file + ": error: unknown section \"" + section + "\" (use works, people, topics)");
            }
            JsonNode s = root.get(section);
            for (Iterator<String> a = s.fieldNames(); a.hasNext(); ) {
                String action = a.next();
                if (!ACTIONS.contains(action)) {
                    throw new BadInputException(file + ": error: " + section + "." + action + " is unknown (use merge or keepApart)");
                }
                int index = List.of("works", "people", "topics").indexOf(section) * 2 + (action.equals("merge") ? 0 : 1);
                int n = 0;
                for (JsonNode pair : s.get(action)) {
                    String where = section + "." + action + "[" + n++ + "]";
                    if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual() || !pair.get(1).isTextual()) {
                        throw new BadInputException(file + ": error: " + where + " must be a pair of strings [\"a\", \"b\"]");
                    }
                    String x = pair.get(0).asText().strip();
                    String y = pair.get(1).asText().strip();
                    if (section.equals("people")) {
                        x = personKey(x, file, where);
                        y = personKey(y, file, where);
                    }
                    into.get(index).add(new Pair(x, y, shown(file) + " " + where));
                }
            }
        }
    }

    /** "lists/overrides.json": folder and file name, the same on every checkout. */
    private static String shown(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        return dir == null || dir.getFileName() == null ? abs.getFileName().toString() : dir.getFileName() + "/" + abs.getFileName();
    }

    /** "github:thockin" → "github/thockin"; "name:Tim Hockin" → "name/tim-hockin": the keys agents are known by. */
    static String personKey(String id, Path file, String where) {
        int colon = id.indexOf(':');
        if (colon <= 0 || colon == id.length() - 1) {
            throw new BadInputException(file + ": error: " + where + ": a person is 'service:handle' or 'name:Full Name', got \"" + id + "\"");
        }
        String service = id.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String value = id.substring(colon + 1).strip();
        return service.equals("name") ? "name/" + IriMinter.slug(value) : service + "/" + value.toLowerCase(Locale.ROOT);
    }

    public List<Pair> mergeWorks() {
        return mergeWorks;
    }

    public List<Pair> apartWorks() {
        return apartWorks;
    }

    public List<Pair> mergePeople() {
        return mergePeople;
    }

    public List<Pair> apartPeople() {
        return apartPeople;
    }

    public List<Pair> mergeTopics() {
        return mergeTopics;
    }

    public List<Pair> apartTopics() {
        return apartTopics;
    }
}
