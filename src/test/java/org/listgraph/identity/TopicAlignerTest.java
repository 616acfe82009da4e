package org.listgraph.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.listgraph.entry.BadInputException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicAlignerTest {
    private static final String SCHEME = """
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            @prefix lg: <https://w3id.org/listgraph/ns#> .
            @prefix topic: <https://w3id.org/listgraph/id/topic/> .
            lg:topics a skos:ConceptScheme ;
                lg:genericHeading "other", "contents", "history", "related" ;
                lg:kindWord "books", "talks", "tools", "utilities", "free books", "articles" ;
                lg:qualifierWord "free", "awesome", "useful", "3rd-party", "complete solutions" .
            topic:cni a skos:Concept ; skos:prefLabel "CNI" ; skos:altLabel "Container Network Interface", "Container Networking Interface" .
            topic:calico a skos:Concept ; skos:prefLabel "Calico" ; skos:altLabel "Project Calico" ; skos:broader topic:cni .
            topic:ebpf a skos:Concept ; skos:prefLabel "eBPF" ; skos:altLabel "BPF" .
            topic:network-policy a skos:Concept ; skos:prefLabel "Network Policy" ; skos:altLabel "NetworkPolicy", "Kubernetes Network Policy" .
            topic:ingress a skos:Concept ; skos:prefLabel "Ingress" ; skos:altLabel "Ingress controllers" .
            topic:ipam a skos:Concept ; skos:prefLabel "IPAM" ; skos:altLabel "IP Address Management" .
            topic:ipvs a skos:Concept ; skos:prefLabel "IPVS" .
            topic:python a skos:Concept ; skos:prefLabel "Python" .
            topic:email a skos:Concept ; skos:prefLabel "Email" ; skos:altLabel "Emails" ; lg:matchInText false .
            topic:communication a skos:Concept ; skos:prefLabel "Communication" .
            topic:linux a skos:Concept ; skos:prefLabel "Linux" ; skos:altLabel "GNU/Linux" .
            topic:machine-learning a skos:Concept ; skos:prefLabel "Machine Learning" .
            """;

    private static TopicScheme scheme(String ttl) {
        return org.listgraph.rdf.TopicSchemeReader.parse(new ByteArrayInputStream(ttl.getBytes(StandardCharsets.UTF_8)), "topics.ttl");
    }

    private final TopicAligner aligner = new TopicAligner(scheme(SCHEME));

    private List<String> keys(String heading) {
        return aligner.topics(heading).stream().map(TopicAligner.Topic::key).toList();
    }

    @ParameterizedTest(name = "\"{0}\" is about {1}")
    @CsvSource(delimiter = '|', value = {
            "Project Calico|calico",
            "Calico|calico",
            "NetworkPolicy|network-policy",
            "Network Policies|network-policy",
            "Kubernetes Network Policy Samples|network-policy",
            "CNI Container Networking Interface|cni",
            "Container Network Interface (CNI)|cni",
            "List of existing CNI Plugins (IPAM)|cni ipam",
            "Ingress and gateways|ingress gateway",
            "Communication - Email - Complete Solutions|communication email",
            "Python Books|python",
            "2. Useful Python Tools|python",
            "IPVS|ipvs",
            "Kubernetes Sidecars|kubernetes-sidecar",
            "Analytics|analytics",
            "CoreDNS|coredns",
            // A sentence still gives the scheme's topics it names, never one of its own.
            "What you should know about Calico|calico",
            "Mad science|mad-science",
            "Postal Addresses|postal-address",
            // A lone word before "and" shares the next part's head when it cannot be a subject alone.
            "Ring and Field Theory|ring-theory field-theory",
            "Static and Dynamic Analysis|static-analysis dynamic-analysis",
            "Python and Data Structures|python data-structure",
            "Data and Machine Learning|data machine-learning",
            // A label written with a separator inside is not divided.
            "GNU/Linux Utilities|linux",
            "Input/Output|input output",
            // Emoji, shortcodes and a closing colon say nothing of the subject.
            "Python :snake: Tools|python",
            "Learning through entertainment:|learning-through-entertainment",
    })
    void headingsAlignToTheTopicsTheyName(String heading, String expected) {
        assertEquals(List.of(expected.split(" ")), keys(heading));
    }

    @ParameterizedTest(name = "\"{0}\" names no topic")
    @CsvSource(delimiter = '|', value = {"Other", "Contents", "History", "What is Kubernetes?", "Free Books", "Talks", "2015",
            "Awesome Tools", "3rd-party articles", "If your system goes slow", "Things we like", "A Piece of Cake",
            "Where to start", "Start here!", "Lessons learned the hard way.", "By Subject", "Sorted by year", "Talks :zap:", "🌟 Free Books"})
    void genericProseAndKindOnlyHeadingsNameNoTopic(String heading) {
        assertEquals(List.of(), keys(heading));
    }

    @Test
    void aTopicOfItsOwnIsLabelledWithoutEmojiOrClosingColon() {
        assertEquals(List.of("Coding Practice Sites"), aligner.topics("Coding Practice Sites :zap:").stream().map(TopicAligner.Topic::label).toList());
        assertEquals(List.of("Learning through entertainment"), aligner.topics("Learning through entertainment:").stream().map(TopicAligner.Topic::label).toList());
    }

    @Test
    void aSchemeConceptKeepsItsPreferredLabelAndBroaderConcepts() {
        TopicScheme s = aligner.scheme();
        assertEquals("Calico", s.byLabel("project calico").orElseThrow().prefLabel());
        assertEquals(List.of("calico", "cni"), List.copyOf(s.withAncestors("calico").keySet()));
    }

    @Test
    void aLabelOnTwoConceptsIsAnErrorNamingBoth() {
        BadInputException e = assertThrows(BadInputException.class, () -> scheme(SCHEME
                + "topic:bpf-filters a <http://www.w3.org/2004/02/skos/core#Concept> ; <http://www.w3.org/2004/02/skos/core#prefLabel> \"BPF\" ."));
        assertTrue(e.getMessage().contains("'BPF' names both topic"), e.getMessage());
    }

    @Test
    void aBroaderCycleIsAnError() {
        BadInputException e = assertThrows(BadInputException.class, () -> scheme(SCHEME
                + "topic:cni <http://www.w3.org/2004/02/skos/core#broader> topic:calico ."));
        assertTrue(e.getMessage().contains("circle"), e.getMessage());
    }

    @Test
    void brokenTurtleGivesFileLineAndColumn() {
        BadInputException e = assertThrows(BadInputException.class, () -> scheme("@prefix skos: <x> .\ntopic:a a skos:Concept ."));
        assertTrue(e.getMessage().startsWith("topics.ttl:2:"), e.getMessage());
    }

    @Test
    void titlesAndDescriptionsNameConceptsButNotCommonWordsOrLowerCaseNames() {
        TopicMentions mentions = new TopicMentions(aligner.scheme());
        assertEquals(java.util.Set.of("calico", "network-policy"), mentions.in("Calico Network Policies explained"));
        assertEquals(java.util.Set.of("ebpf"), mentions.in("Why is the kernel community replacing iptables with BPF?"));
        assertEquals(java.util.Set.of(), mentions.in("a calico cat sends emails"));
        assertEquals(java.util.Set.of(), mentions.in("Email server in Go"));
    }
}
