package org.listgraph.export;

import org.listgraph.identity.Identified.Decision;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/**
 * Writes identity decisions as a merge report: CSV (one row per member, for tools) and Markdown
 * (one section per decision, for people), in a fixed order so the same lists give the same bytes.
 */
public final class MergeReport {
    private static final Comparator<Decision> ORDER = Comparator.comparing(Decision::what)
            .thenComparing(Decision::outcome).thenComparing(Decision::into).thenComparing(d -> String.join(" ", d.members()));

    private MergeReport() {
    }

    public static void csv(List<Decision> decisions, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("what,outcome,into,member,evidence,urls,lists\n");
        for (Decision d : decisions.stream().sorted(ORDER).toList()) {
            for (String m : d.members()) {
                w.write(String.join(",", cell(d.what()), cell(d.outcome()), cell(d.into()), cell(m),
                        cell(String.join("; ", d.evidence())), cell(String.join(" ", d.urls())), cell(String.join(" ", d.lists()))));
                w.write('\n');
            }
        }
        w.flush();
    }

    public static void markdown(List<Decision> decisions, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("# Merge report\n\nWhat listgraph decided about identity beyond equal canonical URLs, and why. "
                + "Force or forbid a decision in lists/overrides.json (see README).\n");
        String section = null;
        for (Decision d : decisions.stream().sorted(ORDER).toList()) {
            String s = d.what() + "s " + d.outcome();
            if (!s.equals(section)) {
                w.write("\n## " + capitalise(d.what()) + "s: " + d.outcome() + "\n");
                section = s;
            }
            w.write("\n- **" + md(d.into()) + "**\n");
            for (String m : d.members()) w.write("  - " + md(m) + "\n");
            for (String e : d.evidence()) w.write("  - evidence: " + md(e) + "\n");
            if (!d.urls().isEmpty()) w.write("  - URLs: " + md(String.join(" ", d.urls())) + "\n");
            if (!d.lists().isEmpty()) w.write("  - lists: " + md(String.join(" ", d.lists())) + "\n");
        }
        if (decisions.isEmpty()) w.write("\nNo merges beyond equal canonical URLs.\n");
        w.flush();
    }

    private static String cell(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String md(String s) {
        return s.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("<", "&lt;").replace("\n", " ");
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
