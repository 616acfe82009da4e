package org.listgraph.identity;

import org.listgraph.entry.Entry;
import org.listgraph.entry.Kind;
import org.listgraph.entry.Link;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Decides what kind of work an entry links to with the rules of {@link KindRules}: every rule whose
 * conditions all match adds its kind. {@link #resolve} then drops overridden kinds (a talk's
 * YouTube recording makes a Talk, not also a Video) and falls back to {@link Kind#WEBSITE}.
 */
public final class KindClassifier {
    private final KindRules rules;

    public KindClassifier(KindRules rules) {
        this.rules = rules;
    }

    /** The kinds the evidence of one entry supports; {@code canonicalUrl} is the key of its identifying link. */
    public Set<Kind> evidence(Entry entry, String canonicalUrl) {
        String url = canonicalUrl;
        int slash = url.indexOf('/');
        String host = slash < 0 ? url : url.substring(0, slash);
        String path = slash < 0 ? "" : url.substring(slash).replaceFirst("[?#].*$", "");
        String text = entry.title() + (entry.description() == null ? "" : "\n" + entry.description());
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (KindRules.Rule r : rules.rules()) {
            String description = entry.description() == null ? "" : entry.description();
            if (matches(r.host(), host) && matches(r.path(), path) && matches(r.url(), url) && matches(r.text(), text)
                    && matches(r.title(), entry.title()) && matches(r.description(), description)
                    && (r.role() == null || entry.links().stream().map(Link::role)
                    .anyMatch(role -> r.role().matcher(role.name().toLowerCase(Locale.ROOT)).find()))) {
                kinds.add(r.kind());
            }
        }
        return kinds;
    }

    /** The final kinds of a resource from the evidence of all its entries. */
    public Set<Kind> resolve(Set<Kind> evidence) {
        Set<Kind> kinds = EnumSet.copyOf(evidence.isEmpty() ? EnumSet.of(Kind.WEBSITE) : evidence);
        for (Kind k : evidence) kinds.removeAll(rules.overriddenBy(k));
        return kinds.isEmpty() ? EnumSet.of(Kind.WEBSITE) : kinds;
    }

    private static boolean matches(java.util.regex.Pattern p, String s) {
        return p == null || p.matcher(s).find();
    }
}
