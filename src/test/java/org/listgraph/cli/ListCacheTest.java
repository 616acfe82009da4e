package org.listgraph.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A build keeps each list it read in output/cache/lists and takes unchanged lists from there; whatever the cache
 * holds (damaged, swapped or stale files), the store and every file are those of a build with no cache.
 */
class ListCacheTest {
    @TempDir
    Path tmp;
    Path lists;
    Path output;

    @BeforeEach
    void buildTheSeeds() throws IOException {
        lists = org.listgraph.testing.Seeds.copyInto(tmp.resolve("lists"));
        output = tmp.resolve("output");
        CliTest.Run r = build(output);
        assertEquals(Main.OK, r.code(), r.err());
    }

    private CliTest.Run build(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("build", "--lists", lists.toString(), "--output", out.toString()));
        args.addAll(Arrays.asList(more));
        return CliTest.run(args.toArray(String[]::new));
    }

    private List<Path> cacheFiles() throws IOException {
        try (Stream<Path> files = Files.list(output.resolve("cache").resolve("lists"))) {
            return files.sorted().toList();
        }
    }

    private void addEntry(String list, String line) throws IOException {
        Path f = lists.resolve(list);
        Files.writeString(f, Files.readString(f) + "\n" + line + "\n");
    }

    /** The build in {@code output} left the same store and files as a build of the same lists into a new folder. */
    private void sameAsAFreshBuild(CliTest.Run incremental) throws IOException {
        Path fresh = tmp.resolve("fresh-" + System.nanoTime());
        CliTest.Run full = build(fresh);
        assertEquals(Main.OK, full.code(), full.err());
        assertEquals(full.err(), incremental.err(), "the same problems, and nothing said of the cache");
        assertEquals(lintAndKinds(full), lintAndKinds(incremental), "the same lint and kinds");
        for (String file : List.of("graph.ttl", "report.html", "problems.txt", "merges.csv", "merges.md")) {
            assertArrayEquals(Files.readAllBytes(fresh.resolve(file)), Files.readAllBytes(output.resolve(file)), file);
        }
        assertEquals(quads(fresh), quads(output));
    }

    /** The summary's kinds and lint lines, without the output folder they name. */
    private static List<String> lintAndKinds(CliTest.Run build) {
        return build.out().lines().filter(l -> l.startsWith("lint:") || l.startsWith("kinds:")).map(l -> l.replaceAll(" -> .*", "")).toList();
    }

    private static List<String> quads(Path out) {
        CliTest.Run r = CliTest.run("export", "--db", out.resolve("tdb2").toString(), "-f", "nq");
        assertEquals(Main.OK, r.code(), r.err());
        return r.out().lines().filter(l -> !l.endsWith("/graph/meta> .")).sorted().toList();
    }

    @Test
    void aBuildKeepsOneFilePerListAndAnEditReadsOnlyTheEditedListAgain() throws IOException {
        List<Path> before = cacheFiles();
        assertEquals(5, before.size(), "one file per seed list");
        // a new entry, twice (a lint error at both places)
        addEntry("cs224-dev-meetup-container-networking.md", "* [A new post](https://example.org/a-new-post) by Tim Hockin\n"
                + "* [A new post, again](https://example.org/a-new-post)");
        CliTest.Run again = build(output);
        assertEquals(Main.OK, again.code(), again.err());
        assertTrue(again.out().contains("store: 2 graphs written, 4 unchanged, 0 removed"), again.out());
        assertTrue(again.out().contains("lint: 22 errors"), "the repeated URL is found in the edited list: " + again.out());
        List<Path> after = cacheFiles();
        assertEquals(5, after.size(), "the edited list's old file is removed, its new one kept");
        assertEquals(4, after.stream().filter(before::contains).count(), "the four unchanged lists keep their files");
        sameAsAFreshBuild(again);
    }

    @Test
    void damagedSwappedOrForeignCacheFilesAreNeverTrustedAndAreWrittenAnew() throws IOException {
        List<Path> files = cacheFiles();
        byte[] first = Files.readAllBytes(files.get(0));
        Files.write(files.get(0), Arrays.copyOf(first, first.length / 2)); // cut short, as by a full disk
        byte[] second = Files.readAllBytes(files.get(1));
        second[second.length - 100] ^= 0x5a; // one byte of the content changed
        Files.write(files.get(1), second);
        Files.write(files.get(2), Files.readAllBytes(files.get(3))); // another list's valid file under this list's name
        Files.writeString(files.get(3), "not a cache file\n", StandardCharsets.UTF_8);
        Files.writeString(files.get(0).resolveSibling("stray.tmp"), "left by a killed build");
        List<byte[]> damaged = new ArrayList<>();
        for (Path f : files) damaged.add(Files.readAllBytes(f));

        addEntry("cs224-dev-meetup-container-networking.md", "* [Another post](https://example.org/another-post)");
        CliTest.Run again = build(output);
        assertEquals(Main.OK, again.code(), again.err());
        sameAsAFreshBuild(again);
        List<Path> now = cacheFiles();
        assertEquals(5, now.size(), "the stray file is gone, and each list has a file again");
        for (int i = 0; i < 4; i++) {
            if (!now.contains(files.get(i))) continue; // the edited list's file has a new name
            assertFalse(Arrays.equals(damaged.get(i), Files.readAllBytes(files.get(i))), files.get(i) + " was written anew");
        }
        // and what was written anew serves the next build
        addEntry("nleiva-kubernetes-networking-links.md", "- [A third post](https://example.org/a-third-post)");
        sameAsAFreshBuild(build(output));
    }

    @Test
    void unchangedGraphsAreNeitherMadeNorWrittenAgainAndAHandEditedGraphTtlOrDamagedRecordIsNotTrusted() throws IOException {
        addEntry("cs224-dev-meetup-container-networking.md", "* [A new post](https://example.org/a-new-post)");
        CliTest.Run again = build(output);
        assertTrue(again.out().contains("store: 2 graphs written, 4 unchanged, 0 removed"), again.out());
        sameAsAFreshBuild(again);
        Path hashes = output.resolve("cache").resolve("graph-hashes.txt");
        Path parts = output.resolve("cache").resolve("graph-ttl.txt");
        assertEquals(5 + 2, Files.readAllLines(hashes).size(), "a header, a hash per list graph, a check line");
        List<String> recorded = Files.readAllLines(parts);
        assertEquals(5 + 2, recorded.stream().filter(l -> !l.startsWith("run ")).count(), "a header, a part per list graph, a check line");
        assertTrue(recorded.stream().filter(l -> l.startsWith("run ")).count() > 3, "the shared graph in runs of subjects: " + recorded);

        // graph.ttl edited by hand inside an unchanged list's part, and two recorded hashes swapped (the check line left)
        Path ttl = output.resolve("graph.ttl");
        String text = Files.readString(ttl);
        String title = "\"Kubernetes Networking Links (nleiva, before 2024)\"";
        assertTrue(text.contains(title), "the nleiva list's title is in graph.ttl");
        // and inside the shared graph: a work's title
        String work = "\"Life of a Packet\"";
        assertTrue(text.contains(work), "a work's title is in graph.ttl");
        Files.writeString(ttl, text.replace(title, "\"Edited by hand\"").replace(work, "\"Edited by hand too\""));
        List<String> lines = new ArrayList<>(Files.readAllLines(hashes));
        String a = lines.get(1), b = lines.get(2);
        lines.set(1, a.substring(0, a.indexOf('\t')) + b.substring(b.indexOf('\t')));
        lines.set(2, b.substring(0, b.indexOf('\t')) + a.substring(a.indexOf('\t')));
        Files.write(hashes, lines);
        Path lint = output.resolve("cache").resolve("lint.txt");
        assertTrue(Files.readString(lint).contains(".md\t"), "lint findings are kept");
        byte[] findings = Files.readAllBytes(lint);
        Files.write(lint, Arrays.copyOf(findings, findings.length / 2)); // cut short

        addEntry("cs224-dev-meetup-container-networking.md", "* [Another post](https://example.org/another-post)");
        CliTest.Run third = build(output);
        assertTrue(third.out().contains("store: 2 graphs written, 4 unchanged, 0 removed"), "every graph made and hashed again: " + third.out());
        sameAsAFreshBuild(third);
    }

    @Test
    void theSharedGraphIsUpdatedBySubjectOnlyFromDigestsOfTheGraphTheStoreHolds() throws IOException {
        Path digests = output.resolve("cache").resolve("graph-subjects.txt");
        List<String> first = Files.readAllLines(digests);
        assertTrue(first.get(1).startsWith("graph\thttps://w3id.org/listgraph/id/graph/shared\t"), first.get(1));
        assertTrue(first.size() > 200, "a digest per subject of the shared graph: " + first.size());
        assertTrue(first.get(2).matches("https://\\S+\t[0-9a-f]{32}\t[0-9a-f]{32}"), "each with the digest of the records it was made from: " + first.get(2));

        String list = "cs224-dev-meetup-container-networking.md";
        String original = Files.readString(lists.resolve(list));
        addEntry(list, "* [A new post](https://example.org/a-new-post) by Tim Hockin");
        CliTest.Run added = build(output);
        sameAsAFreshBuild(added);
        assertFalse(Files.readAllLines(digests).equals(first), "the digests of the graph now stored are kept");

        // The digests of the first build put back: they describe a graph the store no longer holds. Trusted, they would
        // make the list's return to its first version look like no change at all, and the new post would stay.
        Files.write(digests, first);
        Files.writeString(lists.resolve(list), original);
        CliTest.Run back = build(output);
        assertEquals(Main.OK, back.code(), back.err());
        sameAsAFreshBuild(back);
        assertFalse(quads(output).stream().anyMatch(q -> q.contains("a-new-post")), "the post is gone from the store");
    }

    @Test
    void rebuildReadsEveryListAgainEvenWhenTheCacheLooksIntact() throws Exception {
        // A file rewritten by hand, with another list's content and a matching checksum, is the one thing the checks
        // cannot tell: --rebuild is the way out, and it reads every list again.
        List<Path> files = cacheFiles();
        Files.write(files.get(0), withContentOf(Files.readAllBytes(files.get(0)), Files.readAllBytes(files.get(1))));
        CliTest.Run again = build(output, "--rebuild");
        assertEquals(Main.OK, again.code(), again.err());
        sameAsAFreshBuild(again);
    }

    /** A cache file with its own header and the content of {@code other}, with the content's checksum made to match. */
    private static byte[] withContentOf(byte[] file, byte[] other) throws Exception {
        int own = headerLength(file), theirs = headerLength(other);
        byte[] content = Arrays.copyOfRange(other, theirs, other.length);
        byte[] out = Arrays.copyOf(file, own + content.length);
        System.arraycopy(java.security.MessageDigest.getInstance("SHA-256").digest(content), 0, out, own - 32, 32);
        System.arraycopy(content, 0, out, own, content.length);
        return out;
    }

    /** The header: a line naming the format, a line with the file's name, the 32-byte SHA-256 of the content. */
    private static int headerLength(byte[] file) {
        int lines = 0, i = 0;
        while (lines < 2) if (file[i++] == '\n') lines++;
        return i + 32;
    }
}
