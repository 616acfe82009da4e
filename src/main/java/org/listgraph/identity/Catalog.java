package org.listgraph.identity;

import org.listgraph.entry.Account;
import org.listgraph.entry.Author;
import org.listgraph.entry.Entry;
import org.listgraph.entry.Kind;
import org.listgraph.entry.ListDocument;
import org.listgraph.entry.Section;
import org.listgraph.identity.Clustering.Edge;
import org.listgraph.identity.Identified.AccountNode;
import org.listgraph.identity.Identified.AgentNode;
import org.listgraph.identity.Identified.Decision;
import org.listgraph.identity.Identified.EntryNode;
import org.listgraph.identity.Identified.ListNode;
import org.listgraph.identity.Identified.OrganizationNode;
import org.listgraph.identity.Identified.ResourceNode;
import org.listgraph.identity.Identified.SectionNode;
import org.listgraph.identity.Identified.SeriesNode;
import org.listgraph.identity.Identified.TopicNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.listgraph.identity.Clustering.join;
import static org.listgraph.identity.Clustering.pick;
import static org.listgraph.identity.Clustering.show;

/**
 * Gives every entry, resource, author and topic its identity across lists. Lists are added one at
 * a time; {@link #resolve()} then clusters people (accounts, handles, names on the same work),
 * topics and works (canonical URL, then title with corroborating evidence) and explains every
 * decision. Nothing it returns depends on the order in which lists were added.
 */
public final class Catalog {
    /** Services in the order their handle is preferred as an agent's key. */
    private static final List<String> SERVICE_PRIORITY = List.of("github", "gitlab", "twitter", "speakerdeck", "slideshare", "medium", "linkedin");
    /** Services on which the same handle is taken to be the same person. */
    private static final Set<String> HANDLE_SERVICES = Set.of("github", "gitlab", "twitter", "speakerdeck", "slideshare", "medium");
    private static final Pattern GITHUB_REPO = Pattern.compile("^github\\.com/([A-Za-z0-9_.-]+)/[^/]+");
    /** Host families: hosts that serve one site's content. */
    private static final Map<String, String> SITE_FAMILY = Map.of(
            "speakerd.s3.amazonaws.com", "speakerdeck.com", "youtu.be", "youtube.com", "de.slideshare.net", "slideshare.net");
    private static final int BLOCK_LIMIT = 50;
    private static final int AUTHOR_WORKS_LIMIT = 200;

    private final IriMinter iris;
    private final UrlCanonicalizer urls = new UrlCanonicalizer();
    private final KindClassifier kinds;
    private final TopicNames topicNames = new TopicNames();
    private final Overrides overrides;
    private final SortedMap<String, ResourceEvidence> resources = new TreeMap<>();
    /** The loaded lists by the key of their origin URL, so a link to a loaded list can name it. */
    private final SortedMap<String, String> listsByOrigin = new TreeMap<>();
    private final SortedMap<String, AgentAcc> agents = new TreeMap<>();
    private final SortedMap<String, Map<String, Integer>> organizations = new TreeMap<>();
    private final SortedMap<String, Map<String, Integer>> topics = new TreeMap<>();
    /** Series named by a line without a link, by IRI: their titles as written, parts and authors. */
    private final SortedMap<String, SeriesAcc> series = new TreeMap<>();
    /** Agent keys named together on one line (an author with a GitHub and a Twitter link). */
    private final SortedSet<List<String>> sameLine = new TreeSet<>(Comparator.comparing((List<String> l) -> l.get(0)).thenComparing(l -> l.get(1)));

    public Catalog(IriMinter iris, KindRules kindRules, Overrides overrides) {
        this.iris = iris;
        this.kinds = new KindClassifier(kindRules);
        this.overrides = overrides;
    }

    /** Identifies one list's nodes (resource IRIs by canonical URL, before clustering) and records its evidence. */
    public ListNode add(ListDocument doc) {
        String listId = doc.info().id();
        String listIri = iris.list(listId);
        Map<List<String>, SectionNode> sections = identifySections(doc, listId);
        Map<String, Integer> seen = new HashMap<>();
        List<EntryNode> entries = new ArrayList<>();
        List<String> canonicals = doc.entries().stream().map(e -> urls.canonical(e.identifyingLink().url())).toList();
        List<KindClassifier.Verdict> verdicts = kinds.classify(doc.entries(), canonicals, doc.info());
        for (Entry e : doc.entries()) {
            String canonical = canonicals.get(e.index());
            String resourceIri = iris.resource(canonical);
            int n = seen.merge(canonical, 1, Integer::sum);
            String key = IriMinter.hash(canonical, 12) + (n > 1 ? "-" + n : "");
            SectionNode section = sections.get(e.sectionPath());
            String parent = e.parentIndex() >= 0 ? entries.get(e.parentIndex()).iri() : null;
            entries.add(new EntryNode(iris.entry(listId, key), e, resourceIri, section == null ? null : section.iri(), parent));

            ResourceEvidence r = resources.computeIfAbsent(resourceIri, k -> new ResourceEvidence());
            r.add(e, canonical, verdicts.get(e.index()), listIri, urls);
            for (Author a : e.authors()) r.creators.add(addAgent(a));
            topicOf(e.sectionPath(), sections).ifPresent(r.topics::add);
            if (e.series() != null) {
                String seriesIri = iris.series(e.series().title());
                SeriesAcc acc = series.computeIfAbsent(seriesIri, k -> new SeriesAcc());
                acc.titles.merge(e.series().title(), 1, Integer::sum);
                acc.parts.add(resourceIri);
                for (Author a : e.series().authors()) acc.creators.add(addAgent(a));
                r.partOf.add(seriesIri);
            }
            if (e.parentIndex() >= 0) {
                String parentResource = entries.get(e.parentIndex()).resourceIri();
                if (!parentResource.equals(resourceIri)) {
                    ResourceEvidence p = resources.get(parentResource);
                    if (e.part()) {
                        p.parts.add(resourceIri);
                        r.partOf.add(parentResource);
                    } else {
                        p.related.add(resourceIri);
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
        for (Section s : doc.sections()) {
            if (nodes.containsKey(s.path())) continue;
            String topicIri = topicNames.key(s.label()).map(k -> {
                topics.computeIfAbsent(k, x -> new TreeMap<>()).merge(s.label(), 1, Integer::sum);
                return iris.topic(k);
            }).orElse(null);
            String broader = s.path().size() > 1 && keys.containsKey(s.parentPath()) ? iris.section(listId, keys.get(s.parentPath())) : null;
            nodes.put(s.path(), new SectionNode(iris.section(listId, keys.get(s.path())), s, broader, topicIri));
        }
        return nodes;
    }

    /** The topic of the innermost heading above an entry that names one. */
    private static Optional<String> topicOf(List<String> path, Map<List<String>, SectionNode> sections) {
        for (int i = path.size(); i > 0; i--) {
            SectionNode s = sections.get(path.subList(0, i));
            if (s != null && s.topicIri() != null) return Optional.of(s.topicIri());
        }
        return Optional.empty();
    }

    private static String accountKey(Account a) {
        return a.service() + "/" + a.name().toLowerCase(Locale.ROOT);
    }

    private static int servicePriority(String key) {
        int slash = key.indexOf('/');
        String service = slash < 0 ? key : key.substring(0, slash);
        int i = SERVICE_PRIORITY.indexOf(service);
        if (i >= 0) return i;
        return service.equals("name") ? SERVICE_PRIORITY.size() + 1 : service.equals("web") ? SERVICE_PRIORITY.size() + 2 : SERVICE_PRIORITY.size();
    }

    /** Agent keys ordered as cluster names: the preferred service first, then alphabetically. */
    private static final Comparator<String> AGENT_ORDER = Comparator.comparingInt(Catalog::servicePriority).thenComparing(k -> k);

    private String addAgent(Author author) {
        Optional<Account> primary = author.accounts().stream().map(Catalog::accountKey).min(AGENT_ORDER)
                .flatMap(k -> author.accounts().stream().filter(a -> accountKey(a).equals(k)).findFirst());
        String key = primary.map(Catalog::accountKey)
                .orElseGet(() -> author.name() != null ? "name/" + IriMinter.slug(author.name())
                        : "web/" + IriMinter.hash(author.homepage(), 12));
        AgentAcc a = agents.computeIfAbsent(key, k -> new AgentAcc());
        if (author.name() != null) a.names.add(author.name());
        for (Account acc : author.accounts()) {
            a.nicks.add(acc.name());
            a.accounts.computeIfAbsent(accountKey(acc), k -> new TreeMap<>()).merge(acc.name(), 1, Integer::sum);
            a.accountHomepages.put(accountKey(acc), acc.serviceHomepage());
            if (!accountKey(acc).equals(key)) sameLine.add(List.of(key, accountKey(acc)));
        }
        if (author.homepage() != null) a.homepages.add(UrlCanonicalizer.toIri(author.homepage()));
        for (String affiliation : author.affiliations()) {
            String org = iris.organization(affiliation);
            organizations.computeIfAbsent(org, k -> new TreeMap<>()).merge(affiliation, 1, Integer::sum);
            a.affiliations.add(org);
        }
        return key;
    }

    /** Clusters people, topics and works, and builds the shared nodes with the reasons for every merge. */
    public Identified.Resolution resolve() {
        List<Decision> decisions = new ArrayList<>();
        Map<String, String> aliases = new HashMap<>();
        People people = resolvePeople(decisions);
        Map<String, String> topicKeys = resolveTopics(decisions);
        topicKeys.forEach((raw, key) -> {
            if (!raw.equals(key)) aliases.put(iris.topic(raw), iris.topic(key));
        });
        Works works = resolveWorks(people, aliases, decisions);

        List<ResourceNode> rs = new ArrayList<>();
        works.clusters.forEach((iri, members) -> {
            ResourceEvidence all = new ResourceEvidence();
            for (String m : members) all.absorb(resources.get(m));
            List<String> describedBy = all.canonicals.stream().map(c -> listsByOrigin.get(listKey(c))).filter(Objects::nonNull)
                    .distinct().sorted().toList();
            Set<Kind> resolved = kinds.resolve(all.kind.kinds);
            List<String> reasons = all.kind.reasons(resolved);
            if (!describedBy.isEmpty() && !resolved.contains(Kind.CURATED_LIST)) {
                // A link to a list that is loaded too is that list, whatever its URL alone suggested.
                resolved = EnumSet.of(Kind.CURATED_LIST);
                reasons = List.of("CuratedList: the origin of a loaded list");
            }
            rs.add(new ResourceNode(iri, pick(all.titles), List.copyOf(resolved), reasons, describedBy, List.copyOf(all.urls),
                    List.copyOf(all.recordings), List.copyOf(all.slides), agentIris(all.creators, people),
                    remap(all.topics, aliases), List.copyOf(all.lists), without(remap(all.parts, aliases), iri),
                    without(remap(all.partOf, aliases), iri), without(remap(all.related, aliases), iri)));
        });
        rs.sort(Comparator.comparing(ResourceNode::iri));

        List<SeriesNode> ss = new ArrayList<>();
        series.forEach((iri, acc) -> ss.add(new SeriesNode(iri, pick(acc.titles), remap(acc.parts, aliases),
                agentIris(acc.creators, people))));

        List<OrganizationNode> os = new ArrayList<>();
        organizations.forEach((iri, names) -> os.add(new OrganizationNode(iri, pick(names))));
        List<TopicNode> ts = new ArrayList<>();
        Map<String, Map<String, Integer>> topicLabels = new TreeMap<>();
        topics.forEach((raw, labels) -> labels.forEach((l, c) -> topicLabels.computeIfAbsent(topicKeys.get(raw), k -> new TreeMap<>()).merge(l, c, Integer::sum)));
        topicLabels.forEach((key, labels) -> {
            String pref = pick(labels);
            ts.add(new TopicNode(iris.topic(key), pref, labels.keySet().stream().filter(l -> !l.equals(pref)).toList()));
        });
        return new Identified.Resolution(new Identified.Shared(rs, ss, people.nodes, os, ts, works.possible), aliases, decisions);
    }

    /** The IRIs of the people that raw agent keys resolved to, sorted, each once. */
    private List<String> agentIris(Set<String> keys, People people) {
        return keys.stream().map(people.alias::get).distinct().sorted().map(iris::agent).toList();
    }

    private static List<String> remap(Set<String> iris, Map<String, String> aliases) {
        return iris.stream().map(i -> aliases.getOrDefault(i, i)).distinct().sorted().toList();
    }

    private static List<String> without(List<String> list, String iri) {
        return list.stream().filter(x -> !x.equals(iri)).toList();
    }

    // ---- people ----

    /** Agent clusters: raw key → cluster key, and the merged nodes. */
    private record People(Map<String, String> alias, List<AgentNode> nodes, Map<String, Set<String>> handles) {
    }

    private People resolvePeople(List<Decision> decisions) {
        List<Edge> edges = new ArrayList<>();
        for (List<String> pair : sameLine) edges.add(new Edge(pair.get(0), pair.get(1), "one author line names " + show(pair.get(0)) + " and " + show(pair.get(1))));
        // Every account key known, from authors and from the URLs of works.
        Map<String, String> spelled = new TreeMap<>();
        Map<String, SortedMap<String, Edge>> nameEdges = new TreeMap<>();
        agents.forEach((k, a) -> a.accounts.forEach((acc, names) -> spelled.putIfAbsent(acc, pick(names))));
        Map<String, String> urlSpellings = new TreeMap<>();
        resources.values().forEach(r -> r.urlAccounts().forEach(acc -> urlSpellings.merge(acc.substring(0, acc.indexOf('|')),
                acc.substring(acc.indexOf('|') + 1), (x, y) -> x.compareTo(y) <= 0 ? x : y)));
        urlSpellings.forEach(spelled::putIfAbsent);
        resources.forEach((iri, r) -> {
            Set<String> urlAccounts = r.urlAccounts();
            if (r.creators.size() == 1) {
                String creator = r.creators.first();
                for (String acc : urlAccounts) {
                    String key = acc.substring(0, acc.indexOf('|'));
                    // The account must look like the author's: "thockin" for Tim Hockin, not "weaveworks" for Bryan Boreham.
                    if (!key.equals(creator) && resembles(key.substring(key.indexOf('/') + 1), creator)) {
                        edges.add(new Edge(creator, key, "sole author of a work at " + show(key) + " (" + r.canonicals.first() + ")"));
                    }
                }
            }
            // A name alone is the account holder of the same name on the same work.
            for (String n : r.creators) {
                if (!n.startsWith("name/")) continue;
                for (String other : r.creators) {
                    AgentAcc acc = agents.get(other);
                    if (other.startsWith("name/") || acc == null) continue;
                    for (String name : acc.names) {
                        if (("name/" + IriMinter.slug(name)).equals(n)) {
                            nameEdges.computeIfAbsent(n, k -> new TreeMap<>()).putIfAbsent(other,
                                    new Edge(n, other, "the name '" + name + "' and " + show(other) + " on the same work (" + r.canonicals.first() + ")"));
                        }
                    }
                }
            }
        });
        // A name that matches accounts of two different people on one service is ambiguous: it joins neither.
        nameEdges.forEach((name, byAccount) -> {
            Map<String, List<String>> perService = new TreeMap<>();
            byAccount.keySet().forEach(k -> perService.computeIfAbsent(service(k), x -> new ArrayList<>()).add(k));
            Optional<List<String>> clash = perService.values().stream().filter(l -> l.size() > 1).findFirst();
            if (clash.isPresent()) {
                decisions.add(new Decision("person", "kept apart", show(name), java.util.stream.Stream.concat(java.util.stream.Stream.of(show(name)),
                        clash.get().stream().map(Clustering::show)).toList(), List.of("the name matches several " + service(clash.get().get(0))
                        + " accounts on different works, so it joins none"), List.of(), List.of()));
            } else {
                edges.addAll(byAccount.values());
            }
        });
        Map<String, SortedSet<String>> byHandle = new TreeMap<>();
        for (String key : spelled.keySet()) {
            String service = key.substring(0, key.indexOf('/'));
            String handle = key.substring(key.indexOf('/') + 1);
            if (HANDLE_SERVICES.contains(service) && handle.length() >= 3) byHandle.computeIfAbsent(handle, h -> new TreeSet<>()).add(key);
        }
        byHandle.forEach((handle, keys) -> {
            String first = keys.first();
            for (String k : keys) {
                if (!k.equals(first)) edges.add(new Edge(first, k, "the same handle '" + handle + "' on " + service(first) + " and " + service(k)));
            }
        });
        for (Overrides.Pair p : overrides.mergePeople()) {
            List<String> unknown = java.util.stream.Stream.of(p.a(), p.b()).filter(k -> !agents.containsKey(k) && !spelled.containsKey(k)).toList();
            if (unknown.isEmpty()) edges.add(new Edge(p.a(), p.b(), "merged by " + p.source()));
            else decisions.add(new Decision("person", "override not applied", show(p.a()), List.of(show(p.a()), show(p.b())),
                    List.of(p.source() + ": no author is " + String.join(", ", unknown.stream().map(Clustering::show).toList())), List.of(), List.of()));
        }

        UnionFind uf = new UnionFind();
        agents.keySet().forEach(uf::add);
        Map<String, List<String>> evidence = join(uf, edges, overrides.apartPeople(), "person", decisions, this::personConflict);
        Map<String, List<String>> clusters = uf.clusters(AGENT_ORDER);

        Map<String, String> alias = new HashMap<>();
        for (String k : agents.keySet()) alias.put(k, k);
        clusters.forEach((name, members) -> members.forEach(m -> alias.put(m, name)));
        Set<String> repoOwners = new HashSet<>();
        resources.values().forEach(r -> r.canonicals.forEach(c -> {
            Matcher m = GITHUB_REPO.matcher(c);
            if (m.find()) repoOwners.add("github/" + m.group(1).toLowerCase(Locale.ROOT));
        }));

        Map<String, Set<String>> handles = new HashMap<>();
        List<AgentNode> nodes = new ArrayList<>();
        Set<String> clusterNames = new TreeSet<>(alias.values());
        for (String name : clusterNames) {
            List<String> members = clusters.getOrDefault(name, List.of(name));
            AgentAcc all = new AgentAcc();
            for (String m : members) {
                AgentAcc a = agents.get(m);
                if (a != null) all.absorb(a);
                else if (spelled.containsKey(m) && !all.accounts.containsKey(m)) {
                    // an account known only from the URL of the agent's work
                    all.accounts.computeIfAbsent(m, k -> new TreeMap<>()).merge(spelled.get(m), 1, Integer::sum);
                    all.accountHomepages.putIfAbsent(m, "https://" + service(m) + (service(m).equals("slideshare") ? ".net/" : ".com/"));
                    all.nicks.add(spelled.get(m));
                }
            }
            if (all.names.isEmpty() && all.nicks.isEmpty()) continue;
            List<AccountNode> accounts = new ArrayList<>();
            all.accounts.forEach((acc, spellings) -> accounts.add(new AccountNode(iris.account(service(acc), acc.substring(acc.indexOf('/') + 1)),
                    all.accountHomepages.get(acc), pick(spellings))));
            handles.put(name, new TreeSet<>(all.accounts.keySet().stream().map(a -> a.substring(a.indexOf('/') + 1)).toList()));
            boolean fullName = all.names.stream().anyMatch(n -> n.strip().contains(" "));
            boolean organization = members.stream().anyMatch(repoOwners::contains) && !fullName;
            boolean person = !organization && fullName && !all.accounts.isEmpty();
            nodes.add(new AgentNode(iris.agent(name), List.copyOf(all.names), List.copyOf(all.nicks), accounts,
                    List.copyOf(all.homepages), List.copyOf(all.affiliations), person, organization));
        }
        clusters.forEach((name, members) -> decisions.add(new Decision("person", "merged", iris.agent(name),
                members.stream().map(Clustering::show).toList(), evidence.getOrDefault(name, List.of()), List.of(), List.of())));
        return new People(alias, nodes, handles);
    }

    /**
     * Why two groups of agent keys cannot be one person, or null: two different accounts on one
     * service ("github:ab" and "github:ab2"), or two different full names ("John Doe", "John Roe").
     */
    private String personConflict(Set<String> a, Set<String> b) {
        Map<String, String> accounts = new TreeMap<>();
        for (String k : a) if (!k.startsWith("name/") && !k.startsWith("web/")) accounts.put(service(k), k);
        for (String k : b) {
            if (k.startsWith("name/") || k.startsWith("web/")) continue;
            String other = accounts.get(service(k));
            if (other != null && !other.equals(k)) return "two different " + service(k) + " accounts (" + show(other) + ", " + show(k) + ")";
        }
        Set<String> namesA = fullNames(a);
        for (String nb : fullNames(b)) {
            for (String na : namesA) {
                if (!compatibleNames(na, nb)) return "different full names ('" + na + "', '" + nb + "')";
            }
        }
        return null;
    }

    private Set<String> fullNames(Set<String> keys) {
        Set<String> names = new TreeSet<>();
        for (String k : keys) {
            if (k.startsWith("name/") && k.contains("-")) names.add(k.substring(5).replace('-', ' '));
            AgentAcc acc = agents.get(k);
            if (acc != null) acc.names.stream().map(n -> IriMinter.slug(n).replace('-', ' ')).filter(n -> n.contains(" ")).forEach(names::add);
        }
        return names;
    }

    /** "Andrew Sy Kim" and "Andrew Kim" can be one person; "John Doe" and "John Roe" cannot. */
    private static boolean compatibleNames(String x, String y) {
        List<String> wx = List.of(x.split(" "));
        List<String> wy = List.of(y.split(" "));
        return wx.get(0).equals(wy.get(0)) && wx.get(wx.size() - 1).equals(wy.get(wy.size() - 1));
    }

    /**
     * A handle resembles an agent when it is one of their handles, or is spelled from their name:
     * first initial and family name ("thockin" for Tim Hockin), first and family name with at most
     * one letter between ("ThomasGraf5", "scottslowe"), or all the name's words ("andrewsykim").
     * A family name alone ("docker" for Sam Docker) is not enough.
     */
    private boolean resembles(String handle, String agentKey) {
        String h = handle.toLowerCase(Locale.ROOT);
        String letters = h.replaceAll("\\d+$", "");
        AgentAcc a = agents.get(agentKey);
        Set<String> names = new TreeSet<>();
        if (agentKey.startsWith("name/")) names.add(agentKey.substring(5).replace('-', ' '));
        if (a != null) {
            if (a.accounts.keySet().stream().anyMatch(k -> k.substring(k.indexOf('/') + 1).equals(h))) return true;
            a.names.forEach(n -> names.add(IriMinter.slug(n).replace('-', ' ')));
        }
        for (String n : names) {
            String[] w = n.split(" ");
            if (w.length < 2) continue;
            String first = w[0];
            String family = w[w.length - 1];
            if (family.length() < 3) continue;
            if (letters.equals(first.charAt(0) + family) || letters.matches(Pattern.quote(first) + "[a-z]?" + Pattern.quote(family))
                    || letters.equals(String.join("", w)) || letters.equals(family + first)) {
                return true;
            }
        }
        return false;
    }

    private static String service(String key) {
        return key.substring(0, key.indexOf('/'));
    }

    // ---- topics ----

    private Map<String, String> resolveTopics(List<Decision> decisions) {
        List<Edge> edges = new ArrayList<>();
        for (String key : topics.keySet()) {
            if (key.startsWith("kubernetes-") && topics.containsKey(key.substring("kubernetes-".length()))) {
                edges.add(new Edge(key, key.substring("kubernetes-".length()), "the same heading with 'Kubernetes' in front"));
            }
        }
        for (Overrides.Pair p : overrides.mergeTopics()) {
            Optional<String> a = topicNames.key(p.a()).filter(topics::containsKey);
            Optional<String> b = topicNames.key(p.b()).filter(topics::containsKey);
            if (a.isPresent() && b.isPresent()) edges.add(new Edge(a.get(), b.get(), "merged by " + p.source()));
            else decisions.add(new Decision("topic", "override not applied", p.a(), List.of(p.a(), p.b()),
                    List.of(p.source() + ": no heading of any list names " + (a.isEmpty() ? p.a() : p.b())), List.of(), List.of()));
        }
        List<Overrides.Pair> apart = overrides.apartTopics().stream()
                .flatMap(p -> topicNames.key(p.a()).flatMap(a -> topicNames.key(p.b()).map(b -> new Overrides.Pair(a, b, p.source()))).stream())
                .toList();
        UnionFind uf = new UnionFind();
        topics.keySet().forEach(uf::add);
        Map<String, List<String>> evidence = join(uf, edges, apart, "topic", decisions);
        Comparator<String> shortestFirst = Comparator.comparingInt(String::length).thenComparing(k -> k);
        Map<String, List<String>> clusters = uf.clusters(shortestFirst);
        Map<String, String> keys = new HashMap<>();
        for (String k : topics.keySet()) keys.put(k, k);
        clusters.forEach((name, members) -> {
            members.forEach(m -> keys.put(m, name));
            List<String> labels = members.stream().flatMap(m -> topics.getOrDefault(m, Map.of()).keySet().stream()).sorted().toList();
            decisions.add(new Decision("topic", "merged", iris.topic(name), labels, evidence.getOrDefault(name, List.of()), List.of(), List.of()));
        });
        topics.forEach((key, labels) -> {
            if (labels.size() > 1 && !clusters.containsKey(key) && keys.get(key).equals(key)) {
                decisions.add(new Decision("topic", "merged", iris.topic(key), List.copyOf(labels.keySet()),
                        List.of("the same words after case, punctuation, plurals, CamelCase and acronyms are normalised"), List.of(), List.of()));
            }
        });
        return keys;
    }

    // ---- works ----

    private record Works(Map<String, List<String>> clusters, List<List<String>> possible) {
    }

    private Works resolveWorks(People people, Map<String, String> aliases, List<Decision> decisions) {
        WorkMatcher matcher = new WorkMatcher();
        Map<String, WorkMatcher.Work> works = new TreeMap<>();
        resources.forEach((iri, r) -> {
            Set<String> creators = new TreeSet<>();
            Set<String> creatorHandles = new TreeSet<>();
            for (String c : r.creators) {
                String cluster = people.alias.get(c);
                creators.add(cluster);
                creatorHandles.addAll(people.handles.getOrDefault(cluster, Set.of()));
            }
            Set<String> urlHandles = new TreeSet<>();
            r.urlAccounts().forEach(a -> urlHandles.add(a.substring(a.indexOf('/') + 1, a.indexOf('|'))));
            Set<String> sites = new TreeSet<>();
            r.canonicals.forEach(c -> sites.add(site(c)));
            works.put(iri, new WorkMatcher.Work(iri, pick(r.titles), creators, creatorHandles, urlHandles, sites));
        });

        // Candidate pairs: equal normalised titles, and works by the same author (for similar titles).
        Set<List<String>> pairs = new TreeSet<>(Comparator.comparing((List<String> l) -> l.get(0)).thenComparing(l -> l.get(1)));
        Map<String, List<String>> byTitle = new TreeMap<>();
        Map<String, List<String>> byAuthor = new TreeMap<>();
        works.forEach((iri, w) -> {
            byTitle.computeIfAbsent(w.keyWithoutPart(), k -> new ArrayList<>()).add(iri);
            w.creators().forEach(c -> byAuthor.computeIfAbsent(c, k -> new ArrayList<>()).add(iri));
        });
        byTitle.forEach((title, group) -> {
            addPairs(group, BLOCK_LIMIT, pairs);
            if (group.size() > BLOCK_LIMIT) decisions.add(new Decision("work", "not compared", title, List.of(title),
                    List.of(group.size() + " works share this title, more than the " + BLOCK_LIMIT + " compared by title"), List.of(), List.of()));
        });
        byAuthor.forEach((author, group) -> {
            addNearTitlePairs(group, works, AUTHOR_WORKS_LIMIT, pairs);
            if (group.size() > AUTHOR_WORKS_LIMIT) decisions.add(new Decision("work", "not compared", iris.agent(author), List.of(show(author)),
                    List.of(group.size() + " works by this author, more than the " + AUTHOR_WORKS_LIMIT + " compared for near-identical titles"),
                    List.of(), List.of()));
        });

        List<Edge> edges = new ArrayList<>();
        List<List<String>> possibleRaw = new ArrayList<>();
        Map<List<String>, String> possibleWhy = new HashMap<>();
        for (List<String> pair : pairs) {
            WorkMatcher.Work w0 = works.get(pair.get(0));
            WorkMatcher.Work w1 = works.get(pair.get(1));
            WorkMatcher.Decision d = matcher.decide(w0, w1);
            boolean sameTitle = w0.key().equals(w1.key());
            switch (d.verdict()) {
                case MERGE -> edges.add(new Edge(pair.get(0), pair.get(1), d.evidence()));
                case POSSIBLE -> {
                    possibleRaw.add(pair);
                    possibleWhy.put(pair, d.evidence());
                }
                case DIFFERENT -> {
                    // Worth explaining: alike titles kept apart; not the sibling parts of one series.
                    boolean siblings = w0.part().isPresent() && w1.part().isPresent();
                    boolean alike = w0.keyWithoutPart().equals(w1.keyWithoutPart());
                    if ((sameTitle || alike) && !siblings) {
                        decisions.add(new Decision("work", "kept apart", pair.get(0), describe(pair, works), List.of(d.evidence()),
                                urlsOf(pair), listsOf(pair)));
                    }
                }
            }
        }
        for (Overrides.Pair p : overrides.mergeWorks()) {
            String a = iris.resource(urls.canonical(p.a()));
            String b = iris.resource(urls.canonical(p.b()));
            if (resources.containsKey(a) && resources.containsKey(b)) edges.add(new Edge(a, b, "merged by " + p.source()));
            else decisions.add(new Decision("work", "override not applied", a, List.of(p.a(), p.b()),
                    List.of(p.source() + " names a URL that no list has"), List.of(p.a(), p.b()), List.of()));
        }
        List<Overrides.Pair> apart = new ArrayList<>();
        for (Overrides.Pair p : overrides.apartWorks()) {
            String a = iris.resource(urls.canonical(p.a()));
            String b = iris.resource(urls.canonical(p.b()));
            if (a.equals(b)) {
                decisions.add(new Decision("work", "override not applied", a, List.of(p.a(), p.b()),
                        List.of(p.source() + ": both URLs are one address after canonicalisation, so they are one resource"), List.of(p.a(), p.b()), List.of()));
            } else {
                apart.add(new Overrides.Pair(a, b, p.source()));
            }
        }

        UnionFind uf = new UnionFind();
        resources.keySet().forEach(uf::add);
        Map<String, List<String>> evidence = join(uf, edges, apart, "work", decisions);
        Map<String, List<String>> multi = uf.clusters(Comparator.naturalOrder());
        Map<String, String> nameOf = new HashMap<>();
        multi.forEach((name, members) -> members.forEach(m -> nameOf.put(m, name)));
        Map<String, List<String>> clusters = new TreeMap<>();
        for (String iri : resources.keySet()) {
            String name = nameOf.getOrDefault(iri, iri);
            clusters.computeIfAbsent(name, k -> new ArrayList<>()).add(iri);
            if (!name.equals(iri)) aliases.put(iri, name);
        }
        multi.forEach((name, members) -> decisions.add(new Decision("work", "merged", name, describe(members, works),
                evidence.getOrDefault(name, List.of()), urlsOf(members), listsOf(members))));

        Set<List<String>> possible = new TreeSet<>(Comparator.comparing((List<String> l) -> l.get(0)).thenComparing(l -> l.get(1)));
        for (List<String> pair : possibleRaw) {
            String a = aliases.getOrDefault(pair.get(0), pair.get(0));
            String b = aliases.getOrDefault(pair.get(1), pair.get(1));
            if (a.equals(b)) continue;
            List<String> sorted = a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a);
            if (possible.add(sorted)) {
                decisions.add(new Decision("work", "possible duplicate", sorted.get(0), describe(pair, works), List.of(possibleWhy.get(pair)),
                        urlsOf(pair), listsOf(pair)));
            }
        }
        return new Works(clusters, List.copyOf(possible));
    }

    /** "resource/… «Title» <url> <url>": a member as people can check it. */
    private List<String> describe(List<String> members, Map<String, WorkMatcher.Work> works) {
        return members.stream().map(m -> m + " «" + works.get(m).title() + "» " + String.join(" ", resources.get(m).urls)).toList();
    }

    /**
     * Pairs of one author's works that could have near-identical titles: the matcher allows at most
     * max(2, length / 20) edits, and two titles whose lengths differ by more cannot be that close, so
     * sorting by length and pairing within that window drops no pair the matcher would accept. (Equal
     * titles, with or without a part number, are paired by the title blocks.)
     */
    private static void addNearTitlePairs(List<String> group, Map<String, WorkMatcher.Work> works, int limit, Set<List<String>> pairs) {
        if (group.size() < 2 || group.size() > limit) return;
        List<String> byLength = new ArrayList<>(group);
        byLength.sort(Comparator.comparingInt((String iri) -> works.get(iri).keyWithoutPart().length()).thenComparing(Comparator.naturalOrder()));
        for (int i = 0; i < byLength.size(); i++) {
            int length = works.get(byLength.get(i)).keyWithoutPart().length();
            int allowed = WorkMatcher.allowedEdits(length);
            for (int j = i + 1; j < byLength.size() && works.get(byLength.get(j)).keyWithoutPart().length() - length <= allowed; j++) {
                String a = byLength.get(i);
                String b = byLength.get(j);
                pairs.add(a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a));
            }
        }
    }

    private static void addPairs(List<String> group, int limit, Set<List<String>> pairs) {
        if (group.size() < 2 || group.size() > limit) return;
        for (int i = 0; i < group.size(); i++) {
            for (int j = i + 1; j < group.size(); j++) {
                String a = group.get(i);
                String b = group.get(j);
                pairs.add(a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a));
            }
        }
    }

    private List<String> urlsOf(List<String> resourceIris) {
        return resourceIris.stream().flatMap(i -> resources.get(i).urls.stream()).distinct().sorted().toList();
    }

    private List<String> listsOf(List<String> resourceIris) {
        return resourceIris.stream().flatMap(i -> resources.get(i).lists.stream()).distinct().sorted().toList();
    }

    /** The site of a canonical URL: its host, with hosts of one family named alike. */
    private static String site(String canonical) {
        String host = canonical.contains("/") ? canonical.substring(0, canonical.indexOf('/')) : canonical;
        host = SITE_FAMILY.getOrDefault(host, host);
        String[] labels = host.split("\\.");
        return labels.length >= 2 ? labels[labels.length - 2] + "." + labels[labels.length - 1] : host;
    }

    /** What the lists say of one series: its titles with counts, its parts and authors. */
    private static final class SeriesAcc {
        final Map<String, Integer> titles = new TreeMap<>();
        final SortedSet<String> parts = new TreeSet<>();
        final SortedSet<String> creators = new TreeSet<>();
    }

    /** A list's URL without what only points into it: its README file, a {@code #readme} anchor, a trailing slash. */
    private static String listKey(String canonical) {
        return canonical.replaceFirst("(?i)/(blob|tree)/[^/]+/readme(\\.(md|markdown|rst|txt))?$", "")
                .replaceFirst("(?i)/(blob|tree)/[^/]+/?$", "").replaceFirst("(?i)#readme$", "").replaceFirst("/+$", "")
                .toLowerCase(Locale.ROOT);
    }

    private static final class AgentAcc {
        final SortedSet<String> names = new TreeSet<>();
        final SortedSet<String> nicks = new TreeSet<>();
        final SortedMap<String, Map<String, Integer>> accounts = new TreeMap<>();
        final Map<String, String> accountHomepages = new TreeMap<>();
        final SortedSet<String> homepages = new TreeSet<>();
        final SortedSet<String> affiliations = new TreeSet<>();

        void absorb(AgentAcc o) {
            names.addAll(o.names);
            nicks.addAll(o.nicks);
            o.accounts.forEach((k, v) -> v.forEach((n, c) -> accounts.computeIfAbsent(k, x -> new TreeMap<>()).merge(n, c, Integer::sum)));
            accountHomepages.putAll(o.accountHomepages);
            homepages.addAll(o.homepages);
            affiliations.addAll(o.affiliations);
        }
    }
}
