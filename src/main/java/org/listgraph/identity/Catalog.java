package org.listgraph.identity;

import org.listgraph.entry.Author;
import org.listgraph.entry.CompactRecordInput;
import org.listgraph.entry.CompactRecordOutput;
import org.listgraph.entry.Entry;
import org.listgraph.entry.Kind;
import org.listgraph.entry.ListDocument;
import org.listgraph.entry.Section;
import org.listgraph.identity.Identified.Decision;
import org.listgraph.identity.Identified.EntryNode;
import org.listgraph.identity.Identified.ListNode;
import org.listgraph.identity.Identified.OrganizationNode;
import org.listgraph.identity.Identified.ResourceNode;
import org.listgraph.identity.Identified.SectionNode;
import org.listgraph.identity.Identified.SeriesNode;
import org.listgraph.identity.PeopleResolver.People;
import org.listgraph.identity.TopicResolver.Topics;
import org.listgraph.identity.WorkResolver.Works;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.listgraph.identity.Clustering.pick;

/**
 * Gives every entry, resource, author and topic its identity across lists. Lists are added one at
 * a time; {@link #resolve()} then has people ({@link PeopleResolver}), topics ({@link TopicResolver})
 * and works ({@link WorkResolver}) clustered, each decision explained, and assembles the shared
 * nodes. Nothing it returns depends on the order in which lists were added.
 */
public final class Catalog {
    private final IriMinter iris;
    private final UrlCanonicalizer urls = new UrlCanonicalizer();
    private final KindRules kindRules;
    private final KindClassifier kinds;
    private final PeopleResolver peopleResolver;
    private final TopicResolver topicResolver;
    private final WorkResolver workResolver;
    /**
     * What the lists say of each resource, by raw IRI: people and works are both resolved from it. A hash map while
     * lists are added, sorted once when identity resolves: a sorted map's lookup by IRI for every entry (twenty
     * comparisons of long strings, each a cache miss, at a million resources) was most of what adding a list cost.
     */
    private final Map<String, ResourceEvidence> resources = new HashMap<>();
    private boolean resolved;
    /** The loaded lists by the key of their origin URL, so a link to a loaded list can name it. */
    private final SortedMap<String, String> listsByOrigin = new TreeMap<>();
    /** Series named by a line without a link, by IRI: their titles as written, parts and authors. */
    private final SortedMap<String, SeriesAcc> series = new TreeMap<>();

    /** A catalog whose headings are each a topic of their own, as no topic scheme is given (lint needs none). */
    public Catalog(IriMinter iris, KindRules kindRules, Overrides overrides) {
        this(iris, kindRules, overrides, TopicScheme.empty());
    }

    public Catalog(IriMinter iris, KindRules kindRules, Overrides overrides, TopicScheme topicScheme) {
        this.iris = iris;
        this.kindRules = kindRules;
        this.kinds = new KindClassifier(kindRules);
        this.peopleResolver = new PeopleResolver(iris, overrides);
        this.topicResolver = new TopicResolver(iris, overrides, topicScheme);
        this.workResolver = new WorkResolver(iris, overrides);
    }

    /**
     * What one list says on its own, before it meets the others: each entry's canonical URL, kind verdict and the
     * scheme's concepts its text names. Made by {@link #prepare(ListDocument)} on any thread.
     */
    public static final class Prepared {
        private final ListDocument doc;
        private final List<String> canonicals;
        private final List<KindClassifier.Verdict> verdicts;
        private final List<Set<String>> mentions;

        private Prepared(ListDocument doc, List<String> canonicals, List<KindClassifier.Verdict> verdicts, List<Set<String>> mentions) {
            int n = doc.entries().size();
            if (canonicals.size() != n || verdicts.size() != n || mentions.size() != n) {
                throw new IllegalArgumentException("a prepared list needs one URL, verdict and set of mentions per entry");
            }
            this.doc = doc;
            this.canonicals = canonicals;
            this.verdicts = verdicts;
            this.mentions = mentions;
        }

        /** The list this was prepared from. */
        public ListDocument document() {
            return doc;
        }

        /** Writes this in the compact form of {@link CompactRecordOutput}: the document, then per entry its URL, verdict and mentions. */
        public void write(CompactRecordOutput out) {
            out.document(doc);
            for (int i = 0; i < canonicals.size(); i++) {
                out.string(canonicals.get(i));
                KindClassifier.Verdict v = verdicts.get(i);
                List<Kind> kinds = v.kinds().stream().sorted().toList();
                out.count(kinds.size());
                for (Kind k : kinds) out.constant(k);
                out.constant(v.tier());
                List<Kind> explained = v.reasons().keySet().stream().sorted().toList();
                out.count(explained.size());
                for (Kind k : explained) {
                    out.constant(k);
                    out.string(v.reasons().get(k));
                }
                out.strings(new TreeSet<>(mentions.get(i)));
            }
        }

        /** Reads what {@link #write} wrote, checked as a new one is. */
        public static Prepared read(CompactRecordInput in) {
            ListDocument doc = in.document();
            int n = doc.entries().size();
            List<String> canonicals = new ArrayList<>(n);
            List<KindClassifier.Verdict> verdicts = new ArrayList<>(n);
            List<Set<String>> mentions = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                canonicals.add(Objects.requireNonNull(in.string(), "a canonical URL"));
                Set<Kind> kinds = EnumSet.noneOf(Kind.class);
                for (int k = in.count(); k > 0; k--) kinds.add(Objects.requireNonNull(in.constant(Kind.values()), "a kind"));
                KindClassifier.Tier tier = Objects.requireNonNull(in.constant(KindClassifier.Tier.values()), "a tier");
                Map<Kind, String> reasons = new java.util.EnumMap<>(Kind.class);
                for (int k = in.count(); k > 0; k--) reasons.put(Objects.requireNonNull(in.constant(Kind.values()), "a kind"), in.string());
                verdicts.add(new KindClassifier.Verdict(kinds, tier, reasons));
                mentions.add(Set.copyOf(in.strings()));
            }
            return new Prepared(doc, canonicals, verdicts, mentions);
        }
    }

    /**
     * The part of identifying a list that needs that list alone. It changes nothing in the catalog, so several
     * threads may prepare lists at once while {@link #add(Prepared)} takes them in order: classifying kinds was
     * most of the time one thread spent adding lists.
     */
    public Prepared prepare(ListDocument doc) {
        List<String> canonicals = doc.entries().stream().map(e -> urls.canonical(e.identifyingLink().url())).toList();
        // A classifier of its own: its matchers are reused from entry to entry, so one serves one thread.
        List<KindClassifier.Verdict> verdicts = new KindClassifier(kindRules).classify(doc.entries(), canonicals, doc.info());
        List<Set<String>> mentions = doc.entries().stream()
                .map(e -> topicResolver.mentionKeys(e.title() + (e.description() == null ? "" : "\n" + e.description()))).toList();
        return new Prepared(doc, canonicals, verdicts, mentions);
    }

    /** Identifies one list's nodes (resource IRIs by canonical URL, before clustering) and records its evidence. */
    public ListNode add(ListDocument doc) {
        return add(prepare(doc));
    }

    /** Identifies one prepared list's nodes (resource IRIs by canonical URL, before clustering) and records its evidence. */
    public ListNode add(Prepared prepared) {
        if (resolved) throw new IllegalStateException("this catalog is resolved already; a list can only be added before");
        ListDocument doc = prepared.doc;
        String listId = doc.info().id();
        String listIri = iris.list(listId);
        Map<List<String>, SectionNode> sections = identifySections(doc, listId);
        Map<String, Integer> seen = new HashMap<>();
        List<EntryNode> entries = new ArrayList<>();
        List<String> canonicals = prepared.canonicals;
        List<KindClassifier.Verdict> verdicts = prepared.verdicts;
        Set<List<String>> withEntries = new HashSet<>();
        doc.entries().forEach(e -> withEntries.add(e.sectionPath()));
        for (Entry e : doc.entries()) {
            String canonical = canonicals.get(e.index());
            String urlHash = IriMinter.hash(canonical, 16); // the resource's and, cut to 12, the entry's
            String resourceIri = iris.resourceOfHash(urlHash);
            int n = seen.merge(canonical, 1, Integer::sum);
            String key = urlHash.substring(0, 12) + (n > 1 ? "-" + n : "");
            SectionNode section = sections.get(e.sectionPath());
            String parent = e.parentIndex() >= 0 ? entries.get(e.parentIndex()).iri() : null;
            entries.add(new EntryNode(iris.entry(listId, key), e, resourceIri, section == null ? null : section.iri(), parent));

            ResourceEvidence r = resources.computeIfAbsent(resourceIri, k -> new ResourceEvidence());
            r.add(e, canonical, verdicts.get(e.index()), listIri, urls);
            r.addAuthors(e, peopleResolver);
            List<String> listedUnder = topicOf(e.sectionPath(), sections, withEntries);
            r.addTopics(listedUnder);
            for (String t : topicResolver.mentioned(prepared.mentions.get(e.index()))) {
                if (!listedUnder.contains(t)) r.addDerived(t);
            }
            if (e.series() != null) {
                String seriesIri = iris.series(e.series().title());
                SeriesAcc acc = series.computeIfAbsent(seriesIri, k -> new SeriesAcc());
                acc.titles.merge(e.series().title(), 1, Integer::sum);
                acc.parts.add(resourceIri);
                for (Author a : e.series().authors()) acc.creators.add(peopleResolver.add(a));
                r.addPartOf(seriesIri);
            }
            if (e.parentIndex() >= 0) {
                String parentResource = entries.get(e.parentIndex()).resourceIri();
                if (!parentResource.equals(resourceIri)) {
                    ResourceEvidence p = resources.get(parentResource);
                    if (e.part()) {
                        p.addPart(resourceIri);
                        r.addPartOf(parentResource);
                    } else {
                        p.addRelated(resourceIri);
                    }
                }
            }
        }
        if (doc.info().origin() != null) listsByOrigin.merge(listKey(urls.canonical(doc.info().origin())), listIri, (a, b) -> a.compareTo(b) <= 0 ? a : b);
        String revisionOf = doc.info().revisionOf() == null ? null : iris.list(doc.info().revisionOf());
        return new ListNode(doc, listIri, iris.listGraph(listId), revisionOf,
                sections.values().stream().sorted(Comparator.comparing(SectionNode::iri)).toList(), entries);
    }

    private Map<List<String>, SectionNode> identifySections(ListDocument doc, String listId) {
        Map<String, Set<List<String>>> byKey = new HashMap<>();
        for (Section s : doc.sections()) byKey.computeIfAbsent(IriMinter.pathKey(s.path()), k -> new HashSet<>()).add(s.path());
        Map<List<String>, String> keys = new HashMap<>();
        byKey.forEach((key, paths) -> {
            // Headings that slug alike ("C" and "C++") all take a hash of their exact text, whatever their order.
            for (List<String> p : paths) keys.put(p, paths.size() == 1 ? key : key + "-" + IriMinter.hash(String.join("\n", p), 6));
        });
        Map<List<String>, SectionNode> nodes = new HashMap<>();
        List<String> title = titlePath(doc.sections());
        for (Section s : doc.sections()) {
            if (nodes.containsKey(s.path())) continue;
            // The list's title ("Awesome .NET!") names what the whole list is about, not a section's subject.
            List<String> topicIris = s.path().equals(title) ? List.of() : topicResolver.add(s.label());
            String broader = s.path().size() > 1 && keys.containsKey(s.parentPath()) ? iris.section(listId, keys.get(s.parentPath())) : null;
            nodes.put(s.path(), new SectionNode(iris.section(listId, keys.get(s.path())), s, broader, topicIris));
        }
        return nodes;
    }

    /**
     * The path of a list's title: its first heading when that is of level 1 and every other heading of level 1
     * names no topic ("License", "Table of Contents"); null when it has none.
     */
    private List<String> titlePath(List<Section> sections) {
        if (sections.isEmpty() || sections.get(0).level() != 1) return null;
        for (int i = 1; i < sections.size(); i++) {
            if (sections.get(i).level() == 1 && topicResolver.namesTopic(sections.get(i).label())) return null;
        }
        return sections.get(0).path();
    }

    /**
     * The topics of the innermost heading above an entry that names any, and of every heading further up that only
     * groups subsections ("Building Images" over "Builder" and "Base Images"): what is listed there is about the group
     * too. A heading with entries of its own is no group: a subsection under it may be nested there by mistake.
     */
    private static List<String> topicOf(List<String> path, Map<List<String>, SectionNode> sections, Set<List<String>> withEntries) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = path.size(); i > 0; i--) {
            List<String> at = path.subList(0, i);
            SectionNode s = sections.get(at);
            if (s == null) continue;
            if (out.isEmpty() || i < path.size() && !withEntries.contains(at)) out.addAll(s.topicIris());
        }
        return List.copyOf(out);
    }

    /**
     * Clusters people, topics and works, and builds the shared nodes with the reasons for every merge. Once only: each
     * resource's evidence is let go as its node is made, so a large build never holds both (at a million entries
     * each was about a gigabyte).
     */
    public Identified.Resolution resolve() {
        if (resolved) throw new IllegalStateException("a catalog resolves once");
        resolved = true;
        List<Decision> decisions = new ArrayList<>();
        Map<String, String> aliases = new HashMap<>();
        // Each resource's accounts in its URLs (a regular expression per URL), worked out on every core before people
        // and works read them again and again.
        SortedMap<String, ResourceEvidence> inOrder = inIriOrder(resources);
        inOrder.values().parallelStream().forEach(ResourceEvidence::urlAccounts);
        People people = peopleResolver.resolve(inOrder, decisions, topicResolver::broaderIris);
        Topics topics = topicResolver.resolve(decisions);
        aliases.putAll(topics.aliases());
        Works works = workResolver.resolve(inOrder, people, aliases, decisions);

        List<ResourceNode> rs = new ArrayList<>();
        // One string for each IRI the nodes name (the IRIs of people, topics and lists are made again for every resource),
        // and one list for each list of them: most resources share their kinds, reasons, list and topics with thousands
        // of others, and a list apiece was a fifth of the heap while a million resources were stored.
        Map<String, String> names = new HashMap<>();
        Map<List<?>, List<?>> sharedLists = new HashMap<>();
        java.util.function.UnaryOperator<List<String>> once = l -> {
            if (l.isEmpty()) return List.of(); // most are: a stream for each was most of making the nodes
            if (l.size() == 1) return shared(sharedLists, List.of(names.computeIfAbsent(l.get(0), k -> k)));
            return shared(sharedLists, l.stream().map(x -> names.computeIfAbsent(x, k -> k)).toList());
        };
        works.clusters().forEach((iri, members) -> {
            ResourceEvidence all = new ResourceEvidence();
            for (String m : members) {
                ResourceEvidence e = inOrder.remove(m);
                if (e == null) throw new IllegalStateException("resource " + m + " is in two works");
                all.absorb(e);
            }
            List<String> describedBy = describedBy(all.canonicals());
            Set<Kind> resolved = kinds.resolve(all.kind.kinds());
            List<String> reasons = all.kind.reasons(resolved);
            if (!describedBy.isEmpty() && !resolved.contains(Kind.CURATED_LIST)) {
                // A link to a list that is loaded too is that list, whatever its URL alone suggested.
                resolved = EnumSet.of(Kind.CURATED_LIST);
                reasons = List.of("CuratedList: the origin of a loaded list");
            }
            List<String> listedUnder = once.apply(remap(all.topics(), aliases));
            List<String> derived = once.apply(remap(all.derived(), aliases).stream().filter(t -> !listedUnder.contains(t)).toList());
            rs.add(new ResourceNode(iri, all.title(), shared(sharedLists, List.copyOf(resolved)), shared(sharedLists, reasons), describedBy, List.copyOf(all.urls()),
                    List.copyOf(all.recordings()), List.copyOf(all.slides()), once.apply(agentIris(all.creators(), people)),
                    listedUnder, derived, once.apply(List.copyOf(all.lists())), once.apply(without(remap(all.parts(), aliases), iri)),
                    once.apply(without(remap(all.partOf(), aliases), iri)), once.apply(without(remap(all.related(), aliases), iri))));
        });
        rs.sort(Comparator.comparing(ResourceNode::iri));
        Set<String> usedTopics = new TreeSet<>();
        rs.forEach(r -> {
            usedTopics.addAll(r.topicIris());
            usedTopics.addAll(r.derivedTopicIris());
        });

        List<SeriesNode> ss = new ArrayList<>();
        series.forEach((iri, acc) -> ss.add(new SeriesNode(iri, pick(acc.titles), remap(acc.parts, aliases),
                agentIris(acc.creators, people))));

        List<OrganizationNode> os = peopleResolver.organizations();
        return new Identified.Resolution(new Identified.Shared(rs, ss, people.nodes(), os, topicResolver.nodes(topics, usedTopics),
                works.possible(), sameAs(people, aliases)), aliases, decisions);
    }

    /**
     * {@code byIri} sorted by IRI, emptied as it is read: keys are sorted in an array and added in order, which
     * walks only the sorted map's rightmost path, kept in cache.
     */
    private static SortedMap<String, ResourceEvidence> inIriOrder(Map<String, ResourceEvidence> byIri) {
        String[] iris = byIri.keySet().toArray(String[]::new);
        java.util.Arrays.parallelSort(iris); // two thirds of this method on one core: the other is idle here
        SortedMap<String, ResourceEvidence> sorted = new TreeMap<>();
        for (String iri : iris) sorted.put(iri, byIri.remove(iri));
        return sorted;
    }

    /**
     * The one list equal to {@code list} that {@code lists} holds, as {@code List.copyOf} makes it: the node's
     * constructor copies any other kind of list (a stream's {@code toList()} among them), and the copy would not be shared.
     */
    @SuppressWarnings("unchecked")
    private static <T> List<T> shared(Map<List<?>, List<?>> lists, List<T> list) {
        return list.isEmpty() ? List.of() : (List<T>) lists.computeIfAbsent(List.copyOf(list), k -> k);
    }

    /**
     * Every IRI a person, work or topic has when fewer lists are converted, paired with the one it has now:
     * converting one list alone names Tim Hockin by the only account that list gives (agent/speakerdeck/thockin),
     * the whole build by his GitHub account, and the first stays usable through owl:sameAs.
     */
    private List<List<String>> sameAs(People people, Map<String, String> aliases) {
        SortedMap<String, String> pairs = new TreeMap<>();
        people.alias().forEach((raw, cluster) -> {
            if (!raw.equals(cluster)) pairs.put(iris.agent(raw), iris.agent(cluster));
        });
        pairs.putAll(new TreeMap<>(aliases));
        pairs.putAll(peopleResolver.organizationAliases());
        return pairs.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList();
    }

    /** The IRIs of the people that raw agent keys resolved to, sorted, each once. */
    private List<String> agentIris(java.util.Collection<String> keys, People people) {
        if (keys.isEmpty()) return List.of();
        if (keys.size() == 1) return List.of(iris.agent(people.alias().get(keys.iterator().next())));
        return keys.stream().map(people.alias()::get).distinct().sorted().map(iris::agent).toList();
    }

    private static List<String> remap(java.util.Collection<String> iris, Map<String, String> aliases) {
        if (iris.isEmpty()) return List.of();
        if (iris.size() == 1) {
            String only = iris.iterator().next();
            return List.of(aliases.getOrDefault(only, only));
        }
        return iris.stream().map(i -> aliases.getOrDefault(i, i)).distinct().sorted().toList();
    }

    private static List<String> without(List<String> list, String iri) {
        if (!list.contains(iri)) return list;
        return list.stream().filter(x -> !x.equals(iri)).toList();
    }

    /** What the lists say of one series: its titles with counts, its parts and authors. */
    private static final class SeriesAcc {
        final Map<String, Integer> titles = new TreeMap<>();
        final SortedSet<String> parts = new TreeSet<>();
        final SortedSet<String> creators = new TreeSet<>();
    }

    private static final java.util.regex.Pattern LIST_README = java.util.regex.Pattern.compile("(?i)/(blob|tree)/[^/]+/readme(\\.(md|markdown|rst|txt))?$");
    private static final java.util.regex.Pattern LIST_BRANCH = java.util.regex.Pattern.compile("(?i)/(blob|tree)/[^/]+/?$");
    private static final java.util.regex.Pattern README_ANCHOR = java.util.regex.Pattern.compile("(?i)#readme$");
    private static final java.util.regex.Pattern TRAILING_SLASHES = java.util.regex.Pattern.compile("(?<!/)/++$");

    /** The loaded lists whose origin is one of {@code canonicals}, sorted. */
    private List<String> describedBy(List<String> canonicals) {
        List<String> out = null;
        for (String c : canonicals) {
            String list = mayHaveKeyIn(c, listsByOrigin) ? listsByOrigin.get(listKey(c)) : null;
            if (list == null) continue;
            if (out == null) out = new ArrayList<>(1);
            if (!out.contains(list)) out.add(list);
        }
        if (out == null) return List.of();
        out.sort(null);
        return out;
    }

    /**
     * Whether {@link #listKey} of {@code canonical} may be one of {@code keys} (loaded lists' keys), without its four expressions (run for every
     * resource, they were most of making its node): the key only cuts the URL at a '/' or '#' and lowercases it, so it is
     * the lower-cased URL, whole or cut at one of those.
     */
    static boolean mayHaveKeyIn(String canonical, Map<String, ?> keys) {
        if (keys.isEmpty()) return false;
        String lower = canonical.toLowerCase(Locale.ROOT);
        if (keys.containsKey(lower)) return true;
        for (int i = lower.length() - 1; i > 0; i--) {
            char ch = lower.charAt(i);
            if ((ch == '/' || ch == '#') && keys.containsKey(lower.substring(0, i))) return true;
        }
        return false;
    }

    /** A list's URL without what only points into it: its README file, a {@code #readme} anchor, a trailing slash. */
    static String listKey(String canonical) {
        String s = LIST_README.matcher(canonical).replaceFirst("");
        s = LIST_BRANCH.matcher(s).replaceFirst("");
        s = README_ANCHOR.matcher(s).replaceFirst("");
        return TRAILING_SLASHES.matcher(s).replaceFirst("").toLowerCase(Locale.ROOT);
    }
}
