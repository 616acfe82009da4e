package org.listgraph.store;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Digest answers match the worked examples of RFC 7616 (section 3.9.1), and only Digest challenges are answered. */
class DigestAuthorizationTest {
    private static final String CHALLENGE = "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=%s, "
            + "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    @Test
    void answersTheRfcExampleWithMd5AndSha256() {
        String md5 = DigestAuthorization.answering(CHALLENGE.formatted("MD5"), "Mufasa", "Circle of Life").header("GET", "/dir/index.html", CNONCE);
        assertTrue(md5.contains("response=\"8ca523f5e9506fed4657c9700eebdbec\""), md5);
        assertTrue(md5.contains("nc=00000001") && md5.contains("qop=auth,") && md5.contains("uri=\"/dir/index.html\""), md5);
        assertTrue(md5.contains("opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\""), md5);
        String sha = DigestAuthorization.answering(CHALLENGE.formatted("SHA-256"), "Mufasa", "Circle of Life").header("GET", "/dir/index.html", CNONCE);
        assertTrue(sha.contains("response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\""), sha);
    }

    @Test
    void eachRequestCountsOnAndOnlyDigestChallengesWithAKnownAlgorithmAreAnswered() {
        DigestAuthorization d = DigestAuthorization.answering(CHALLENGE.formatted("MD5"), "u", "p");
        d.header("GET", "/a");
        assertTrue(d.header("PUT", "/a").contains("nc=00000002"));
        assertNull(DigestAuthorization.answering("Basic realm=\"x\"", "u", "p"));
        assertNull(DigestAuthorization.answering("Digest realm=\"x\", nonce=\"n\", algorithm=SHA-512-256", "u", "p"));
        assertTrue(DigestAuthorization.isStale("Digest realm=\"x\", nonce=\"n\", stale=true"));
    }
}
