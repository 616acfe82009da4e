package org.listgraph.identity;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** IRIs' hashes: prefixes of the text's SHA-256, the same on every thread, with an entry's key a prefix of its resource's hash. */
class IriMinterTest {
    private static final List<String> TEXTS = List.of("", "github.com/thockin", "speakerdeck.com/thockin/kubernetes-and-networks",
            "Tim Hockin", "Ünïcödé — «talk» 🌟", "x".repeat(10_000));

    @Test
    void aHashIsThePrefixOfTheTextsSha256AtEveryLength() throws Exception {
        for (String text : TEXTS) {
            String full = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
            assertEquals(full, IriMinter.sha256(text.getBytes(StandardCharsets.UTF_8)));
            for (int n = 0; n <= 64; n++) assertEquals(full.substring(0, n), IriMinter.hash(text, n), text + " at " + n);
        }
        assertThrows(IllegalArgumentException.class, () -> IriMinter.hash("x", 65));
    }

    @Test
    void hashesAreTheSameOnManyThreadsAtOnce() {
        List<String> texts = java.util.stream.IntStream.range(0, 20_000).mapToObj(i -> "example.com/entry/" + i).toList();
        List<String> alone = texts.stream().map(t -> IriMinter.hash(t, 16)).toList();
        assertEquals(alone, texts.parallelStream().map(t -> IriMinter.hash(t, 16)).toList());
    }

    @Test
    void aResourceIriIsMadeFromItsUrlsHash() {
        IriMinter iris = new IriMinter(IriMinter.DEFAULT_BASE);
        String url = "github.com/cilium/cilium";
        assertEquals(IriMinter.DEFAULT_BASE + "resource/" + IriMinter.hash(url, 16), iris.resource(url));
        assertEquals(iris.resource(url), iris.resourceOfHash(IriMinter.hash(url, 16)));
        assertThrows(IllegalArgumentException.class, () -> iris.resourceOfHash(IriMinter.hash(url, 12)));
    }
}
