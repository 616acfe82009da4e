package org.listgraph.identity;

import org.junit.jupiter.api.Test;
import org.listgraph.entry.ListDocument;
import org.listgraph.identity.Identified.AccountNode;
import org.listgraph.identity.Identified.AgentNode;
import org.listgraph.identity.Identified.Decision;
import org.listgraph.identity.PeopleResolver.People;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.listgraph.identity.ResolverInputs.IRIS;
import static org.listgraph.identity.ResolverInputs.evidence;
import static org.listgraph.identity.ResolverInputs.noOverrides;
import static org.listgraph.identity.ResolverInputs.read;

/** Who is who: the people resolver on author lines read from small lists, without topics or works. */
class PeopleResolverTest {
    private final List<Decision> decisions = new ArrayList<>();

    private People resolve(ListDocument... docs) {
        PeopleResolver people = new PeopleResolver(IRIS, noOverrides());
        return people.resolve(evidence(people, docs), decisions);
    }

    private static AgentNode agent(People people, String key) {
        String iri = IRIS.agent(people.alias().get(key));
        return people.nodes().stream().filter(n -> n.iri().equals(iri)).findFirst().orElseThrow();
    }

    @Test
    void aFullNameWithAGithubAndATwitterAccountOnOneAuthorLineIsOneAgent() {
        People people = resolve(
                read("a", "- [Kubernetes networking](https://example.com/k8s) by Tim Hockin ([github](https://github.com/thockin), "
                        + "[twitter](https://twitter.com/timhockin_x))\n"),
                read("b", "- [Another talk](https://example.com/other) by [timhockin_x](https://twitter.com/timhockin_x)\n"));

        assertEquals(1, people.nodes().size(), "one agent: " + people.nodes());
        AgentNode tim = agent(people, "twitter/timhockin_x");
        assertEquals(IRIS.agent("github/thockin"), tim.iri(), "named by the preferred service");
        assertEquals(List.of("Tim Hockin"), tim.names());
        assertEquals(List.of("thockin", "timhockin_x"), tim.accounts().stream().map(AccountNode::name).sorted().toList());
        assertTrue(tim.person(), "a full name with accounts is a person");
    }

    @Test
    void aNameAloneJoinsTheAccountOfTheSameNameOnTheSameWork() {
        People people = resolve(
                read("a", "- [Cilium deep dive](https://example.com/cilium) by [Thomas Graf](https://github.com/tgraf)\n"),
                read("b", "- [Cilium deep dive](https://example.com/cilium) by Thomas Graf\n"));

        assertEquals("github/tgraf", people.alias().get("name/thomas-graf"));
        assertEquals(1, people.nodes().size());
    }

    @Test
    void twoGithubAccountsWithTheSameNameStayApartAndTheBareNameJoinsNeither() {
        People people = resolve(
                read("a", "- [First](https://example.com/1) by [John Doe](https://github.com/jdoe)\n"
                        + "- [Second](https://example.com/2) by [John Doe](https://github.com/jdoe2)\n"),
                read("b", "- [First](https://example.com/1) by John Doe\n"
                        + "- [Second](https://example.com/2) by John Doe\n"));

        assertNotEquals(people.alias().get("github/jdoe"), people.alias().get("github/jdoe2"));
        assertEquals("name/john-doe", people.alias().get("name/john-doe"), "an ambiguous name joins no account");
        assertEquals(3, people.nodes().size());
        assertTrue(decisions.stream().anyMatch(d -> d.outcome().equals("kept apart")
                && d.evidence().get(0).contains("the name matches several github accounts")), decisions.toString());
    }

    @Test
    void evidenceForOnePairNeverJoinsTwoAccountsOnOneService() {
        // Both author lines name the same Twitter account, but with different GitHub accounts.
        People people = resolve(
                read("a", "- [First](https://example.com/1) by Jane Roe ([github](https://github.com/jroe), [twitter](https://twitter.com/janeroe))\n"),
                read("b", "- [Second](https://example.com/2) by Jane Roe ([github](https://github.com/jroe2), [twitter](https://twitter.com/janeroe))\n"));

        assertNotEquals(people.alias().get("github/jroe"), people.alias().get("github/jroe2"));
        assertTrue(decisions.stream().anyMatch(d -> d.outcome().equals("kept apart")
                && d.evidence().get(1).startsWith("but two different github accounts")), decisions.toString());
    }

    @Test
    void theSoleAuthorOfSlidesOnAnAccountSpelledFromTheirNameHoldsThatAccount() {
        People people = resolve(read("a", """
                - [Illustrated guide to networking](https://speakerdeck.com/thockin/illustrated-guide) by Tim Hockin
                - [Weave Net internals](https://speakerdeck.com/weaveworks/weave-net-internals) by Bryan Boreham
                """));

        assertEquals("speakerdeck/thockin", people.alias().get("name/tim-hockin"), "'thockin' is spelled from Tim Hockin");
        assertEquals("name/bryan-boreham", people.alias().get("name/bryan-boreham"), "'weaveworks' is not Bryan Boreham");
    }

    @Test
    void anAffiliationNamesAnOrganisation() {
        PeopleResolver people = new PeopleResolver(IRIS, noOverrides());
        evidence(people, read("a", "- [Kubernetes networking](https://example.com/k8s) by Tim Hockin of Google\n"));

        assertEquals(List.of(new Identified.OrganizationNode(IRIS.organization("Google"), "Google")), people.organizations());
    }

    @Test
    void theAgentsDoNotDependOnTheOrderListsAreAdded() {
        ListDocument a = read("a", "- [First](https://example.com/1) by Jane Roe ([github](https://github.com/jroe), [twitter](https://twitter.com/janeroe))\n");
        ListDocument b = read("b", "- [Second](https://example.com/2) by Jane Roe ([github](https://github.com/jroe2), [twitter](https://twitter.com/janeroe))\n");

        assertEquals(resolve(a, b), resolve(b, a));
    }

    @Test
    void aHandleAndAFullNameEachTheOnlyAuthorOfOneWorkInTwoListsAreOnePerson() {
        People people = resolve(
                read("a", "- [Operating a Kubernetes network](https://jvns.ca/blog/2017/10/10/operating-a-kubernetes-network/) by [jvns](https://github.com/jvns)\n"),
                read("b", "- [Operating a Kubernetes network](https://jvns.ca/blog/2017/10/10/operating-a-kubernetes-network/) by Julia Evans\n"));

        assertEquals("github/jvns", people.alias().get("name/julia-evans"));
        assertTrue(agent(people, "github/jvns").person());
    }

    @Test
    void aGroupNamedWithAndWithoutItsProjectIsOneAgent() {
        People people = resolve(
                read("a", "- [Ingress survey 2018](https://example.com/survey) by SIG Network\n"),
                read("b", "- [Ingress survey 2018](https://example.com/survey) by Kubernetes SIG Network\n"));

        assertEquals(people.alias().get("name/sig-network"), people.alias().get("name/kubernetes-sig-network"));
    }

    @Test
    void twoDifferentFullNamesOnOneWorkStayApart() {
        People people = resolve(
                read("a", "- [A talk](https://example.com/talk) by John Doe\n"),
                read("b", "- [A talk](https://example.com/talk) by John Roe\n"));

        assertNotEquals(people.alias().get("name/john-doe"), people.alias().get("name/john-roe"));
    }

    @Test
    void aHandleSpelledFromTheOnlyMatchingNameInOneListIsThatPerson() {
        People people = resolve(read("a", """
                - [Kubernetes Networking 101](https://example.com/101) by Bryan Boreham of WeaveWorks
                - CNI, the Container Network Interface, [recording](https://example.com/cni) by [bboreham](https://github.com/bboreham)
                - [Weave Net](https://example.com/weave) by [bryan](https://github.com/bryan)
                """));

        assertEquals("github/bboreham", people.alias().get("name/bryan-boreham"));
    }

    @Test
    void anAffiliationSpelledAsAGithubOrganisationIsThatOrganisation() {
        PeopleResolver resolver = new PeopleResolver(IRIS, noOverrides());
        People people = resolver.resolve(evidence(resolver,
                read("a", "- [BPF reference](https://github.com/cilium/cilium) by [cilium](https://github.com/cilium)\n"
                        + "- [Cilium deep dive](https://example.com/deep) by Thomas Graf of Cilium\n")), decisions);

        assertTrue(agent(people, "github/cilium").organization());
        assertEquals(List.of(), resolver.organizations(), "no second node for Cilium");
        assertEquals(IRIS.agent("github/cilium"), resolver.organizationAliases().get(IRIS.organization("Cilium")));
    }

    @Test
    void aGithubUserWithNothingSayingOrganisationIsAPerson() {
        People people = resolve(read("a", "- [kube-v6](https://github.com/leblancd/kube-v6) by [leblancd](https://github.com/leblancd)\n"));

        assertTrue(agent(people, "github/leblancd").person());
        assertTrue(!agent(people, "github/leblancd").organization());
    }
}
