package org.listgraph.identity;

import org.listgraph.entry.Account;
import org.listgraph.entry.Author;
import org.listgraph.identity.Clustering.Edge;
import org.listgraph.identity.Identified.AccountNode;
import org.listgraph.identity.Identified.AgentNode;
import org.listgraph.identity.Identified.Decision;
import org.listgraph.identity.Identified.OrganizationNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * Decides which authors the lists name are one agent (accounts on one author line, handles shared
 * across services, a name beside an account on the same work, curators' overrides), and names
 * the organisations they are affiliated with.
 */
final class PeopleResolver {
    /** Services in the order their handle is preferred as an agent's key. */
    private static final List<String> SERVICE_PRIORITY = List.of("github", "gitlab", "twitter", "speakerdeck", "slideshare", "medium", "linkedin");
    /** Services on which the same handle is taken to be the same person. */
    private static final Set<String> HANDLE_SERVICES = Set.of("github", "gitlab", "twitter", "speakerdeck", "slideshare", "medium");
    private static final Pattern GITHUB_REPO = Pattern.compile("^github\\.com/([A-Za-z0-9_.-]+)/[^/]+");
    private static final Pattern TRAILING_DIGITS = Pattern.compile("(?<!\\d)\\d++$");
    private static final Pattern DOMAIN_NAME = Pattern.compile("(?<![a-z0-9-])[a-z0-9-]++(\\.[a-z0-9-]++)++");
    private static final Pattern NOT_LOWER_ALNUM = Pattern.compile("[^a-z0-9]");
    /** A handle that reads as a company's or project's ("cloudnativelabs", "acme-inc", "projectcalico"); short words only after a separator, as "mario" or "steam" are people. */
    private static final Pattern ORGANIZATION_WORD = Pattern.compile("(?i)(^|[-_.])(io|org|hq|inc|corp|team|group|lab)$|(labs|foundation|official|community|software|systems|technologies|solutions|networks)$|^project");
    /** A name that reads as an organisation's ("Acme Inc.", "Kubernetes SIG Network", "Example University"). */
    private static final Pattern ORGANIZATION_NAME = Pattern.compile("\\b(Inc\\.?|Ltd\\.?|LLC|GmbH|Corp(oration)?|Foundation|University|Institute|SIG|Team|Labs?|Project|Community|Group)\\b");

    private final IriMinter iris;
    private final Overrides overrides;
    private final java.util.NavigableMap<String, AgentAcc> agents = new TreeMap<>();
    private final SortedMap<String, Map<String, Integer>> organizations = new TreeMap<>();
    /** Organisation IRI → the agent or organisation IRI it was joined with (set by {@link #resolve}). */
    private final Map<String, String> organizationAlias = new TreeMap<>();
    /** Agent cluster keys that an affiliation names: organisations, whatever else they look like. */
    private final Set<String> organizationAgents = new TreeSet<>();
    /** Agent keys named together on one line (an author with a GitHub and a Twitter link). */
    private final SortedSet<List<String>> sameLine = new TreeSet<>(Comparator.comparing((List<String> l) -> l.get(0)).thenComparing(l -> l.get(1)));

    PeopleResolver(IriMinter iris, Overrides overrides) {
        this.iris = iris;
        this.overrides = overrides;
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
    private static final Comparator<String> AGENT_ORDER = Comparator.comparingInt(PeopleResolver::servicePriority).thenComparing(k -> k);

    /** Records one author as a list names them and returns their agent key ("github/thockin", "name/tim-hockin"). */
    String add(Author author) {
        List<Account> accounts = author.accounts();
        String[] accountKeys = new String[accounts.size()];
        String key = null; // the preferred account's, else the name's, else the homepage's
        for (int i = 0; i < accountKeys.length; i++) {
            accountKeys[i] = accountKey(accounts.get(i));
            if (key == null || AGENT_ORDER.compare(accountKeys[i], key) < 0) key = accountKeys[i];
        }
        if (key == null) key = author.name() != null ? "name/" + slug(author.name()) : "web/" + IriMinter.hash(author.homepage(), 12);
        AgentAcc a = agents.get(key);
        if (a == null) {
            a = new AgentAcc();
            agents.put(key, a);
        } else {
            key = agents.ceilingKey(key); // the key held already: a work's evidence keeps one string per agent, not one per mention
        }
        if (author.name() != null) a.names.add(author.name());
        for (int i = 0; i < accountKeys.length; i++) {
            Account acc = accounts.get(i);
            a.nicks.add(acc.name());
            a.accounts.computeIfAbsent(accountKeys[i], k -> new TreeMap<>()).merge(acc.name(), 1, Integer::sum);
            a.accountHomepages.put(accountKeys[i], acc.serviceHomepage());
            if (!accountKeys[i].equals(key)) sameLine.add(List.of(key, accountKeys[i]));
        }
        if (author.homepage() != null) a.homepages.add(UrlCanonicalizer.toIri(author.homepage()));
        for (String affiliation : author.affiliations()) {
            String org = iris.organization(affiliation);
            organizations.computeIfAbsent(org, k -> new TreeMap<>()).merge(affiliation, 1, Integer::sum);
            a.affiliations.add(org);
        }
        return key;
    }

    /** {@link IriMinter#slug} of each name met, worked out once: the same names are written on thousands of entries. */
    private final Map<String, String> slugs = new HashMap<>();

    private String slug(String name) {
        String s = slugs.get(name);
        if (s == null) {
            s = IriMinter.slug(name);
            slugs.put(name, s);
        }
        return s;
    }

    /** Agent clusters: raw key → cluster key, and the merged nodes. */
    record People(Map<String, String> alias, List<AgentNode> nodes, Map<String, Set<String>> handles) {
    }

    /**
     * Clusters the agents named so far; {@code resources} is read for accounts in works' URLs and
     * names on the same work, and must be sorted since the first work found is the one cited.
     */
    People resolve(SortedMap<String, ResourceEvidence> resources, List<Decision> decisions) {
        return resolve(resources, decisions, Set::of);
    }

    /** As above; {@code widen} gives a topic IRI with the IRIs of its broader topics, so works on CNI and on Kubernetes share a topic. */
    People resolve(SortedMap<String, ResourceEvidence> resources, List<Decision> decisions, java.util.function.Function<String, Set<String>> widen) {
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
            if (r.creators().size() == 1) {
                String creator = r.creators().get(0);
                for (String acc : urlAccounts) {
                    String key = acc.substring(0, acc.indexOf('|'));
                    // The account must look like the author's: "thockin" for Tim Hockin, not "weaveworks" for Bryan Boreham.
                    if (!key.equals(creator) && resembles(key.substring(key.indexOf('/') + 1), creator)) {
                        edges.add(new Edge(creator, key, "sole author of a work at " + show(key) + " (" + r.canonicals().get(0) + ")"));
                    }
                }
            }
            // A name alone is the account holder of the same name on the same work.
            for (String n : r.creators()) {
                if (!n.startsWith("name/")) continue;
                for (String other : r.creators()) {
                    AgentAcc acc = agents.get(other);
                    if (other.startsWith("name/") || acc == null) continue;
                    for (String name : acc.names) {
                        if (("name/" + slug(name)).equals(n)) {
                            nameEdges.computeIfAbsent(n, k -> new TreeMap<>()).putIfAbsent(other,
                                    new Edge(n, other, "the name '" + name + "' and " + show(other) + " on the same work (" + r.canonicals().get(0) + ")"));
                        }
                    }
                }
            }
        });
        soleAuthorEdges(resources, edges, nameEdges);
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
        spelledFromNameEdges(resources, spelled, edges, widen);
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
        resources.values().forEach(r -> r.canonicals().forEach(c -> {
            if (!c.startsWith("github.com/")) return; // what the pattern's anchor says: find() would try every position first
            Matcher m = GITHUB_REPO.matcher(c);
            if (m.find()) repoOwners.add("github/" + m.group(1).toLowerCase(Locale.ROOT));
        }));

        Map<String, Set<String>> handles = new HashMap<>();
        List<AgentNode> nodes = new ArrayList<>();
        Set<String> clusterNames = new TreeSet<>(alias.values());
        resolveOrganizations(clusters, clusterNames, decisions);
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
            boolean codeHost = all.accounts.keySet().stream().anyMatch(k -> k.startsWith("github/") || k.startsWith("gitlab/"));
            // A GitHub or GitLab user is a person unless something says it is an organisation: an affiliation
            // names it ("of Cilium", "cilium.io"), or its handle or name is a company's ("cloudnativelabs", "… Inc").
            boolean organization = organizationAgents.contains(name) || !fullName && members.stream().anyMatch(repoOwners::contains)
                    && all.accounts.keySet().stream().anyMatch(k -> ORGANIZATION_WORD.matcher(k.substring(k.indexOf('/') + 1)).find())
                    || all.names.stream().anyMatch(n -> ORGANIZATION_NAME.matcher(n).find());
            boolean person = !organization && (fullName && !all.accounts.isEmpty() || codeHost);
            List<String> affiliations = all.affiliations.stream().map(o -> organizationAlias.getOrDefault(o, o)).distinct().sorted().toList();
            nodes.add(new AgentNode(iris.agent(name), List.copyOf(all.names), List.copyOf(all.nicks), accounts,
                    List.copyOf(all.homepages), affiliations, person, organization));
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
            if (acc != null) acc.names.stream().map(n -> slug(n).replace('-', ' ')).filter(n -> n.contains(" ")).forEach(names::add);
        }
        return names;
    }

    /**
     * "Andrew Sy Kim" and "Andrew Kim" can be one person, and "SIG Network" and "Kubernetes SIG Network" one
     * group (one name inside the other); "John Doe" and "John Roe" cannot.
     */
    private static boolean compatibleNames(String x, String y) {
        List<String> wx = List.of(x.split(" "));
        List<String> wy = List.of(y.split(" "));
        return wx.get(0).equals(wy.get(0)) && wx.get(wx.size() - 1).equals(wy.get(wy.size() - 1))
                || Collections.indexOfSubList(wx, wy) >= 0 || Collections.indexOfSubList(wy, wx) >= 0;
    }

    /**
     * A handle resembles an agent when it is one of their handles, or is spelled from their name:
     * first initial and family name ("thockin" for Tim Hockin), first and family name with at most
     * one letter between ("ThomasGraf5", "scottslowe"), or all the name's words ("andrewsykim").
     * A family name alone ("docker" for Sam Docker) is not enough.
     */
    private boolean resembles(String handle, String agentKey) {
        String h = handle.toLowerCase(Locale.ROOT);
        String letters = TRAILING_DIGITS.matcher(h).replaceAll("");
        AgentAcc a = agents.get(agentKey);
        Set<String> names = new TreeSet<>();
        if (agentKey.startsWith("name/")) names.add(agentKey.substring(5).replace('-', ' '));
        if (a != null) {
            if (a.accounts.keySet().stream().anyMatch(k -> k.substring(k.indexOf('/') + 1).equals(h))) return true;
            a.names.forEach(n -> names.add(slug(n).replace('-', ' ')));
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

    /** The organisations named as affiliations that are no agent of their own, by IRI, each with its most frequent spelling. */
    List<OrganizationNode> organizations() {
        List<OrganizationNode> os = new ArrayList<>();
        Map<String, Map<String, Integer>> merged = new TreeMap<>();
        organizations.forEach((iri, names) -> {
            String into = organizationAlias.getOrDefault(iri, iri);
            if (into.startsWith(iris.agent(""))) return;
            names.forEach((n, c) -> merged.computeIfAbsent(into, k -> new TreeMap<>()).merge(n, c, Integer::sum));
        });
        merged.forEach((iri, names) -> os.add(new OrganizationNode(iri, pick(names))));
        return os;
    }

    /** Organisation IRIs that were joined with another organisation or with an agent, and the IRI each became. */
    Map<String, String> organizationAliases() {
        return new TreeMap<>(organizationAlias);
    }

    /**
     * "Cilium" named as an affiliation (org/cilium, or org/cilium-io for "cilium.io") is the GitHub organisation
     * github:cilium when an agent has that handle; affiliations spelled alike ("Cilium", "cilium.io") are one.
     */
    private void resolveOrganizations(Map<String, List<String>> clusters, Set<String> clusterNames, List<Decision> decisions) {
        organizationAlias.clear();
        organizationAgents.clear();
        Map<String, String> agentByHandle = new TreeMap<>();
        for (String name : clusterNames) {
            for (String m : clusters.getOrDefault(name, List.of(name))) {
                if (m.startsWith("github/") || m.startsWith("gitlab/")) agentByHandle.putIfAbsent(m.substring(m.indexOf('/') + 1), name);
            }
        }
        Map<String, String> firstByKey = new TreeMap<>();
        organizations.forEach((iri, names) -> {
            String key = organizationKey(pick(names));
            String agent = agentByHandle.get(key);
            if (agent != null) {
                organizationAlias.put(iri, iris.agent(agent));
                organizationAgents.add(agent);
                decisions.add(new Decision("organisation", "merged", iris.agent(agent), List.of(iri, show(agent)),
                        List.of("the affiliation '" + pick(names) + "' is spelled as the handle " + show(agent)), List.of(), List.of()));
                return;
            }
            String first = firstByKey.putIfAbsent(key, iri);
            if (first != null) {
                organizationAlias.put(iri, first);
                decisions.add(new Decision("organisation", "merged", first, List.of(first, iri),
                        List.of("the affiliations '" + pick(organizations.get(first)) + "' and '" + pick(names) + "' are spelled alike"),
                        List.of(), List.of()));
            }
        });
    }

    /** "cilium.io" → "cilium", "Weave Works" → "weaveworks": how an organisation's name compares with a handle. */
    private static String organizationKey(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (DOMAIN_NAME.matcher(n).matches()) n = n.substring(0, n.indexOf('.'));
        return NOT_LOWER_ALNUM.matcher(n).replaceAll("");
    }

    /**
     * Each agent some entry names as the only author of one work: two of them are one person when their
     * names agree (a handle and a full name, "jvns" and "Julia Evans"; or one name inside the other,
     * "SIG Network" and "Kubernetes SIG Network"), unless something else says they differ.
     */
    private void soleAuthorEdges(SortedMap<String, ResourceEvidence> resources, List<Edge> edges, Map<String, SortedMap<String, Edge>> nameEdges) {
        resources.forEach((iri, r) -> {
            List<String> sole = List.copyOf(r.soleAuthors());
            for (int i = 0; i < sole.size(); i++) {
                for (int j = i + 1; j < sole.size(); j++) {
                    String a = sole.get(i);
                    String b = sole.get(j);
                    if (!soleAuthorsAgree(a, b)) continue;
                    Edge e = new Edge(a, b, "each the only author of " + r.canonicals().get(0) + " in a list (" + show(a) + ", " + show(b) + ")");
                    // A name beside an account goes with the other names-on-works evidence, so one name sole author
                    // beside two accounts of one service is ambiguous and joins neither.
                    if (a.startsWith("name/") != b.startsWith("name/")) {
                        String name = a.startsWith("name/") ? a : b;
                        nameEdges.computeIfAbsent(name, k -> new TreeMap<>()).putIfAbsent(name.equals(a) ? b : a, e);
                    } else {
                        edges.add(e);
                    }
                }
            }
        });
    }

    private boolean soleAuthorsAgree(String a, String b) {
        boolean nameA = a.startsWith("name/");
        boolean nameB = b.startsWith("name/");
        if (nameA && nameB) {
            List<String> wa = List.of(a.substring(5).split("-"));
            List<String> wb = List.of(b.substring(5).split("-"));
            return Collections.indexOfSubList(wa, wb) >= 0 && wb.size() >= 2 || Collections.indexOfSubList(wb, wa) >= 0 && wa.size() >= 2;
        }
        if (!nameA && !nameB) return false; // two accounts: the same-handle rule decides
        String name = nameA ? a : b;
        String account = nameA ? b : a;
        // A handle and a full name; a one-word name ("Google") only when the handle spells it.
        return name.contains("-") || account.substring(account.indexOf('/') + 1).equals(name.substring(5).replace("-", ""));
    }

    /**
     * A full name and a handle spelled from it ("Bryan Boreham", "bboreham") are one person when each is the
     * other's only match among all names and handles and both write in one list or on one topic.
     */
    private void spelledFromNameEdges(SortedMap<String, ResourceEvidence> resources, Map<String, String> spelled, List<Edge> edges,
                                      java.util.function.Function<String, Set<String>> widen) {
        Map<String, Set<String>> accountsByLetters = new TreeMap<>();
        for (String key : spelled.keySet()) {
            if (!HANDLE_SERVICES.contains(service(key))) continue;
            String letters = TRAILING_DIGITS.matcher(key.substring(key.indexOf('/') + 1)).replaceAll("");
            if (letters.length() >= 4) accountsByLetters.computeIfAbsent(letters, k -> new TreeSet<>()).add(key);
        }
        Map<String, Set<String>> handlesOfName = new TreeMap<>();
        Map<String, Set<String>> namesOfHandle = new TreeMap<>();
        for (String name : agents.keySet()) {
            if (!name.startsWith("name/")) continue;
            String[] w = name.substring(5).split("-");
            if (w.length < 2 || w[w.length - 1].length() < 3) continue;
            String first = w[0];
            String family = w[w.length - 1];
            for (String spelling : new TreeSet<>(List.of(first.charAt(0) + family, first + family, family + first, String.join("", w)))) {
                if (accountsByLetters.containsKey(spelling)) {
                    handlesOfName.computeIfAbsent(name, k -> new TreeSet<>()).add(spelling);
                    namesOfHandle.computeIfAbsent(spelling, k -> new TreeSet<>()).add(name);
                }
            }
        }
        // Where the agents that may be joined below write (the lists and the topics of their works): only theirs are
        // gathered, as gathering every agent's was the largest part of resolving people.
        Set<String> wanted = new HashSet<>();
        handlesOfName.forEach((name, handles) -> {
            if (handles.size() != 1 || namesOfHandle.get(handles.iterator().next()).size() != 1) return;
            wanted.add(name);
            wanted.addAll(accountsByLetters.get(handles.iterator().next()));
        });
        // Hashed, not sorted: they are only looked up, and the few sets compared below are sorted then (sorted sets
        // here, a new one per work, were a third of resolving people).
        Map<String, Set<String>> listsOf = new HashMap<>();
        Map<String, Set<String>> direct = new HashMap<>();
        Map<String, Set<String>> widened = new HashMap<>();
        resources.values().forEach(r -> {
            List<String> accounts = List.of();
            for (String acc : r.urlAccounts()) {
                String key = acc.substring(0, acc.indexOf('|'));
                if (!wanted.contains(key)) continue;
                if (accounts.isEmpty()) accounts = new ArrayList<>(2);
                accounts.add(key);
            }
            List<String> creators = List.of();
            for (String c : r.creators()) {
                if (!wanted.contains(c)) continue;
                if (creators.isEmpty()) creators = new ArrayList<>(2);
                creators.add(c);
            }
            if (accounts.isEmpty() && creators.isEmpty()) return;
            List<String> where = new ArrayList<>(r.lists());
            r.topics().forEach(t -> {
                where.add(t);
                where.addAll(widened.computeIfAbsent(t, widen));
            });
            for (String c : creators) listsOf.computeIfAbsent(c, k -> new HashSet<>()).addAll(where);
            for (String c : creators) direct.computeIfAbsent(c, k -> new HashSet<>()).addAll(r.topics());
            for (String acc : accounts) listsOf.computeIfAbsent(acc, k -> new HashSet<>()).addAll(where);
        });
        handlesOfName.forEach((name, handles) -> {
            if (handles.size() != 1) return;
            String handle = handles.iterator().next();
            if (namesOfHandle.get(handle).size() != 1) return;
            Set<String> accounts = accountsByLetters.get(handle);
            // "jdoe" and "jdoe2" on one service are two people: the name could be either.
            if (accounts.stream().map(PeopleResolver::service).distinct().count() < accounts.size()) return;
            for (String account : accounts) {
                Set<String> common = new TreeSet<>(listsOf.getOrDefault(name, Set.of()));
                common.retainAll(listsOf.getOrDefault(account, Set.of()));
                if (common.isEmpty()) continue;
                // Cite a shared list if there is one, else the topic both write on that is named most directly.
                String where = common.stream().filter(c -> !c.startsWith(iris.topic(""))).findFirst()
                        .orElseGet(() -> common.stream().filter(c -> direct.getOrDefault(name, Set.of()).contains(c)
                                || direct.getOrDefault(account, Set.of()).contains(c)).findFirst().orElse(common.iterator().next()));
                edges.add(new Edge(name, account, "the handle " + show(account) + " is spelled from the name, no other name or handle matches "
                        + "either, and both write in or on " + where));
            }
        });
    }

    /** What the lists say of one agent key: names, handles, accounts with their spellings, homepages, affiliations. */
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
