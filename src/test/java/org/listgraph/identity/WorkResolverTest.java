package org.listgraph.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.listgraph.entry.ListDocument;
import org.listgraph.identity.Identified.Decision;
import org.listgraph.identity.WorkResolver.Works;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.listgraph.identity.ResolverInputs.IRIS;
import static org.listgraph.identity.ResolverInputs.URLS;
import static org.listgraph.identity.ResolverInputs.evidence;
import static org.listgraph.identity.ResolverInputs.noOverrides;
import static org.listgraph.identity.ResolverInputs.read;

/** Which resources are one work: the work resolver on entries of small lists, with their authors already resolved. */
class WorkResolverTest {
    private final List<Decision> decisions = new ArrayList<>();
    /** Merged resource IRI → the IRI of its work, as the resolver reports it. */
    private final Map<String, String> aliases = new HashMap<>();
    private SortedMap<String, ResourceEvidence> resources;

    @TempDir
    Path tmp;

    private Works resolve(Overrides overrides, ListDocument... docs) {
        PeopleResolver people = new PeopleResolver(IRIS, overrides);
        resources = evidence(people, docs);
        return new WorkResolver(IRIS, overrides).resolve(resources, people.resolve(resources, decisions), aliases, decisions);
    }

    private Works resolve(String listA, String listB) {
        return resolve(noOverrides(), read("a", listA), read("b", listB));
    }

    /** The work a URL's resource resolved to. */
    private String work(String url) {
        String raw = IRIS.resource(URLS.canonical(url));
        return aliases.getOrDefault(raw, raw);
    }

    private List<Decision> decisions(String outcome) {
        return decisions.stream().filter(d -> d.what().equals("work") && d.outcome().equals(outcome)).toList();
    }

    @Test
    void twoListsWithTheSameUrlGiveOneWork() {
        Works works = resolve("- [Operating a Kubernetes network](https://jvns.ca/blog/2017/10/10/operating-a-kubernetes-network/)\n",
                "- [Operating a Kubernetes network](http://www.jvns.ca/blog/2017/10/10/operating-a-kubernetes-network?utm_source=feed)\n");

        assertEquals(1, works.clusters().size(), works.clusters().toString());
        String work = work("https://jvns.ca/blog/2017/10/10/operating-a-kubernetes-network/");
        assertEquals(List.of(work), works.clusters().get(work));
        assertEquals(List.of(IRIS.list("a"), IRIS.list("b")), List.copyOf(resources.get(work).lists()));
    }

    @Test
    void aTitleSpelledAlikeByTheSameAuthorIsOneWork() {
        Works works = resolve(
                "- [Containers from Scratch](https://speakerdeck.com/ericchiang/coreos-fest-2017-containers-from-scratch) by [ericchiang](https://github.com/ericchiang)\n",
                "- [Containers From Scratch!](https://www.slideshare.net/ericchiang/containers-from-scratch) by [Eric Chiang](https://github.com/ericchiang)\n");

        assertEquals(work("https://speakerdeck.com/ericchiang/coreos-fest-2017-containers-from-scratch"),
                work("https://www.slideshare.net/ericchiang/containers-from-scratch"));
        assertEquals(1, works.clusters().size(), works.clusters().toString());
        assertEquals(List.of("same title, shared author github:ericchiang"), decisions("merged").get(0).evidence());
    }

    @Test
    void aTitleATypoAwayByTheSameAuthorIsOnlyAPossibleDuplicate() {
        Works works = resolve("- [Understanding Linux network namespaces](https://one.example.com/netns) by [jdoe](https://github.com/jdoe)\n",
                "- [Understanding Linux network namspaces](https://two.example.org/netns) by [jdoe](https://github.com/jdoe)\n");

        String one = work("https://one.example.com/netns");
        String two = work("https://two.example.org/netns");
        assertEquals(2, works.clusters().size());
        assertEquals(List.of(one.compareTo(two) < 0 ? List.of(one, two) : List.of(two, one)), works.possible());
        assertEquals(List.of("nearly the same title (1 edit), shared author"), decisions("possible duplicate").get(0).evidence());
    }

    @Test
    void aTitleThatDiffersOnlyByAPartMarkerIsComparedAndKeptApart() {
        Works works = resolve("- [Kubernetes Networking From The Ground Up, Part 1](https://example.org/k8s-net-1)\n",
                "- [Kubernetes Networking From The Ground Up](https://example.org/k8s-net)\n");

        assertEquals(2, works.clusters().size(), works.clusters().toString());
        List<Decision> apart = decisions("kept apart");
        assertEquals(1, apart.size(), decisions.toString());
        assertTrue(apart.get(0).members().stream().anyMatch(m -> m.contains("https://example.org/k8s-net-1")), apart.toString());
    }

    @Test
    void theSameTitleByDifferentAuthorsStaysApart() {
        Works works = resolve("- [Introduction to eBPF networking](https://one.example.com/ebpf) by [alice](https://github.com/alice)\n",
                "- [Introduction to eBPF networking](https://two.example.org/ebpf) by [bob](https://github.com/bob)\n");

        assertEquals(2, works.clusters().size());
        assertEquals(List.of(), works.possible());
        assertEquals(List.of("different authors"), decisions("kept apart").get(0).evidence());
    }

    @Test
    void aCuratorCanMergeTwoUrlsAndIsToldWhenAUrlIsInNoList() throws IOException {
        Files.writeString(tmp.resolve(Overrides.FILE_NAME), """
                { "works": { "merge": [["https://one.example.com/post", "https://two.example.org/copy"],
                                       ["https://one.example.com/post", "https://nowhere.example.net/"]] } }
                """);
        Works works = resolve(Overrides.inFolders(List.of(tmp)), read("a", "- [A post](https://one.example.com/post)\n"),
                read("b", "- [A copy of it](https://two.example.org/copy)\n"));

        assertEquals(work("https://one.example.com/post"), work("https://two.example.org/copy"));
        assertEquals(1, works.clusters().size());
        assertTrue(decisions("merged").get(0).evidence().get(0).startsWith("merged by "), decisions.toString());
        assertEquals(List.of("https://one.example.com/post", "https://nowhere.example.net/"), decisions("override not applied").get(0).members());
    }

    @Test
    void theWorksDoNotDependOnTheOrderListsAreAdded() {
        ListDocument a = read("a", "- [Containers from Scratch](https://speakerdeck.com/ericchiang/containers) by [ericchiang](https://github.com/ericchiang)\n"
                + "- [Understanding Linux network namespaces](https://one.example.com/netns) by [jdoe](https://github.com/jdoe)\n");
        ListDocument b = read("b", "- [Containers From Scratch](https://www.slideshare.net/ericchiang/containers) by [Eric Chiang](https://github.com/ericchiang)\n"
                + "- [Understanding Linux network namspaces](https://two.example.org/netns) by [jdoe](https://github.com/jdoe)\n");

        Works ab = resolve(noOverrides(), a, b);
        List<Decision> first = List.copyOf(decisions);
        decisions.clear();
        assertEquals(ab, resolve(noOverrides(), b, a));
        assertEquals(first, decisions);
    }
}
