package org.listgraph.identity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Spellings of one address share a key; different addresses do not. Real URLs from the seed lists. */
class UrlCanonicalizerTest {
    private final UrlCanonicalizer c = new UrlCanonicalizer();

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = ' ', value = {
            "http://www.dasblinkenlichten.com/understanding-cni-container-networking-interface/ https://www.dasblinkenlichten.com/understanding-cni-container-networking-interface/",
            "https://www.dasblinkenlichten.com/understanding-cni-container-networking-interface/ https://dasblinkenlichten.com/understanding-cni-container-networking-interface",
            "http://blog.kubernetes.io/2016/01/why-Kubernetes-doesnt-use-libnetwork.html https://kubernetes.io/blog/2016/01/why-kubernetes-doesnt-use-libnetwork/",
            "https://youtu.be/y2bhV81MfKQ https://www.youtube.com/watch?v=y2bhV81MfKQ",
            "https://www.youtube.com/watch?v=y2bhV81MfKQ&t=42s https://www.youtube.com/watch?v=y2bhV81MfKQ",
            "https://dramasamy.medium.com/life-of-a-packet-in-istio-part-1-8221971d77de https://medium.com/@dramasamy/life-of-a-packet-in-istio-part-1-8221971d77de",
            "https://twitter.com/rakyll/status/1458317772941713408?ref_src=twsrc%5Etfw https://twitter.com/rakyll/status/1458317772941713408",
            "https://example.com:443/a/index.html?utm_source=x&b=2&a=1 https://example.com/a?a=1&b=2",
            "HTTPS://Kubernetes.IO/docs/ https://kubernetes.io/docs",
            "https://example.com/%7Euser/a%2fb https://example.com/~user/a%2Fb",
            "https://medium.com/@nleiva/kubernetes-networking-behind-the-scenes-39a1ab1792bb?source=post_page---- https://medium.com/@nleiva/kubernetes-networking-behind-the-scenes-39a1ab1792bb",
            "https://toonk.io/sending-network-packets-in-go/index.html https://toonk.io/sending-network-packets-in-go/",
            "https://lwn.net:443/Articles/219794/ https://lwn.net/Articles/219794/",
            "http://blog.kubernetes.io:80/2017/12/using-ebpf-in-kubernetes.html https://kubernetes.io/blog/2017/12/using-ebpf-in-kubernetes/",
            "https://docs.google.com/spreadsheets/d/191WWNpjJ2za6/edit?usp=sharing#gid=907731238 https://docs.google.com/spreadsheets/d/191WWNpjJ2za6/edit?usp=sharing#gid=907731238",
            "https://apsops.medium.com/an-illustrated-guide-to-kubernetes-networking-part-1-d1ede3322727 https://medium.com/@ApsOps/an-illustrated-guide-to-kubernetes-networking-part-1-d1ede3322727",
    })
    void sameWork(String a, String b) {
        assertEquals(c.canonical(b), c.canonical(a));
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource(delimiter = ' ', value = {
            "https://medium.com/@ApsOps/an-illustrated-guide-to-kubernetes-networking-part-1-d1ede3322727 https://speakerdeck.com/thockin/illustrated-guide-to-kubernetes-networking",
            "https://www.weave.works/blog/introduction-to-kubernetes-pod-networking--part-1 https://www.weave.works/blog/aws-networking-overview---part-2",
            "https://www.youtube.com/watch?v=y2bhV81MfKQ https://www.youtube.com/watch?v=7OFw3lgSb1Q",
            "https://docs.google.com/document/d/1QbjsBwM0QyQxJIs2LJBUvITap2QeqOKmsHQrGFK9lWQ/mobilebasic https://docs.google.com/document/d/1y_mYuB9dUoErhUjJD2EaQauDjfevIA8N/edit",
            "https://groups.google.com/forum/#!topic/kubernetes-sig-network/5MWRPxsURUw https://groups.google.com/forum/#!topic/kubernetes-sig-network/other",
            "https://github.com/kubernetes/enhancements/pull/648 https://github.com/kubernetes/enhancements/pull/649",
            "https://example.com/search?source=rss https://example.com/search",
            "https://lwn.net:8443/Articles/219794/ https://lwn.net/Articles/219794/",
            "https://docs.google.com/spreadsheets/d/1x/edit#gid=5 https://docs.google.com/spreadsheets/d/1x/edit#gid=6",
            "https://github.com/o/r/blob/main/a.md?ref=v1 https://github.com/o/r/blob/main/a.md?ref=v2",
    })
    void differentWorks(String a, String b) {
        assertNotEquals(c.canonical(b), c.canonical(a));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
            "https://a.example/x%20y https://a.example/x%20y",
            "https://a.example/x|y https://a.example/x%7Cy",
            "https://a.example/ü https://a.example/%C3%BC",
    })
    void urlsBecomeValidIris(String url, String iri) {
        assertEquals(iri, UrlCanonicalizer.toIri(url));
    }
}
