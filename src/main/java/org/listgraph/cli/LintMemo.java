package org.listgraph.cli;

import org.listgraph.entry.SourcePosition;
import org.listgraph.lint.KeptFindings;
import org.listgraph.lint.LintFinding;
import org.listgraph.lint.LintRule;
import org.listgraph.rdf.CheckedRecords;
import org.listgraph.rdf.Converter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lint findings of each list of a build, kept in output/cache/lint.txt by a key of everything they depend on:
 * the list graph's inputs key (the list as read, the program and rules, identity's decisions for its entries) and
 * the list file's path as findings name it. A list whose key is unchanged is not linted again.
 */
final class LintMemo implements KeptFindings {
    private static final String HEADER = "listgraph lint findings 1";

    private final Converter.Result result;
    private final CheckedRecords file;
    private final Map<String, List<LintFinding>> before;
    private final Map<String, List<LintFinding>> now = new ConcurrentHashMap<>();

    LintMemo(Converter.Result result, Path file, boolean reuse) {
        this.result = result;
        this.file = new CheckedRecords(file, HEADER);
        this.before = reuse ? read(this.file) : Map.of();
    }

    private Optional<String> key(int index) {
        return result.inputsKeyOfList(index).map(k -> org.listgraph.identity.IriMinter.hash("lint 1\n" + k + "\n" + result.files().get(index), 64));
    }

    @Override
    public Optional<List<LintFinding>> find(int index) {
        if (index >= result.files().size()) return Optional.empty();
        Optional<String> key = key(index);
        Optional<List<LintFinding>> found = key.map(before::get);
        found.ifPresent(f -> now.put(key.get(), f));
        return found;
    }

    @Override
    public void keep(int index, List<LintFinding> found) {
        if (index < result.files().size()) key(index).ifPresent(k -> now.put(k, List.copyOf(found)));
    }

    /** Writes the findings of this build's lists; a failure only costs the next build the time to lint again. */
    void save() {
        List<String[]> records = new ArrayList<>();
        new TreeMap<>(now).forEach((key, findings) -> {
            records.add(new String[]{key, Integer.toString(findings.size())});
            for (LintFinding f : findings) {
                records.add(new String[]{escape(f.position().file()), Integer.toString(f.position().line()), Integer.toString(f.position().column()),
                        f.rule().id(), escape(f.message())});
            }
        });
        try {
            file.write(records);
        } catch (IOException | RuntimeException e) {
            // every list is linted next time
        }
    }

    private static Map<String, List<LintFinding>> read(CheckedRecords file) {
        List<String[]> records = file.read().orElse(List.of());
        Map<String, List<LintFinding>> out = new TreeMap<>();
        try {
            for (int i = 0; i < records.size(); ) {
                String[] head = records.get(i++);
                if (head.length != 2) return Map.of();
                int n = Integer.parseInt(head[1]);
                List<LintFinding> findings = new ArrayList<>(n);
                for (int j = 0; j < n; j++) {
                    String[] f = records.get(i++);
                    if (f.length != 5) return Map.of();
                    Optional<LintRule> rule = LintRule.byId(f[3]);
                    if (rule.isEmpty()) return Map.of();
                    findings.add(new LintFinding(new SourcePosition(unescape(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2])), rule.get(),
                            unescape(f[4])));
                }
                out.put(head[0], List.copyOf(findings));
            }
        } catch (RuntimeException e) { // a count or number out of place: nothing from this file is used
            return Map.of();
        }
        return out;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.append(c);
                continue;
            }
            char next = s.charAt(++i);
            out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next);
        }
        return out.toString();
    }
}
