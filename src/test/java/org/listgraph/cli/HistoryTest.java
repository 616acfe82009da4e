package org.listgraph.cli;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code history}: each entry's first commit and, for entries gone, the commit that removed them, read from real git repositories. */
class HistoryTest {
    @TempDir
    Path tmp;

    /** A repository made with JGit, commits one day apart from 2024-01-01. */
    private static final class Repo implements AutoCloseable {
        final Git git;
        final Path top;
        int day;

        Repo(Path top) throws Exception {
            this.top = top;
            this.git = Git.init().setDirectory(top.toFile()).setInitialBranch("main").call();
            Files.createDirectories(top.resolve("lists"));
            Files.writeString(top.resolve(".gitignore"), "output/\n"); // the build's output is not history, as in a real project
        }

        String commit(String message) throws Exception {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call(); // deletions too
            PersonIdent who = new PersonIdent("Ann Example", "ann@example.org", Instant.parse("2024-01-01T10:00:00Z").plusSeconds(86_400L * day++),
                    ZoneOffset.UTC);
            RevCommit c = git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
            return c.name();
        }

        void write(String list, List<String> urls) throws IOException {
            StringBuilder md = new StringBuilder("# " + list + "\n\n## Things\n\n");
            for (String u : urls) md.append("- [").append(u.substring(u.lastIndexOf('/') + 1)).append("](").append(u).append(") - A thing.\n");
            Files.writeString(top.resolve("lists/" + list + ".md"), md);
        }

        @Override
        public void close() {
            git.close();
        }
    }

    private CliTest.Run history(Repo repo) {
        return CliTest.run("history", "--lists", repo.top.resolve("lists").toString(), "--output", repo.top.resolve("output").toString());
    }

    private void build(Repo repo) {
        CliTest.Run b = CliTest.run("build", "--lists", repo.top.resolve("lists").toString(), "--output", repo.top.resolve("output").toString());
        assertTrue(b.code() == Main.OK || b.code() == Main.FINDINGS, b.err());
    }

    /** Rows of "url added-commit removed-commit" for every dated entry of the store, sorted. */
    private List<String> dated(Repo repo) {
        CliTest.Run q = CliTest.run("query", "--db", repo.top.resolve("output/tdb2").toString(), "-f", "tsv", """
                SELECT ?list ?u ?a ?r WHERE {
                  { ?e lg:addedIn/lg:commitId ?a ; lg:inList ?l ; schema:item/schema:url ?u . FILTER NOT EXISTS { ?e lg:removedIn ?x } }
                  UNION { ?e lg:addedIn/lg:commitId ?a ; lg:removedIn/lg:commitId ?r ; lg:removedFrom ?l ; schema:url ?u }
                  BIND(STRAFTER(STR(?l), "/list/") AS ?list)
                }""");
        assertEquals(Main.OK, q.code(), q.err());
        return q.out().lines().skip(1).map(l -> l.replace("\"", "").replace("<", "").replace(">", "")).sorted().toList();
    }

    @Test
    void anEntryIsDatedByTheCommitThatAddedItThroughEditsAMoveAndARemoval() throws Exception {
        try (Repo repo = new Repo(tmp.resolve("repo"))) {
            repo.write("tools", List.of("https://example.org/alpha", "https://example.org/beta"));
            String first = repo.commit("add tools");
            repo.write("tools", List.of("https://example.org/alpha", "https://example.org/beta", "https://example.org/gamma"));
            String gamma = repo.commit("add gamma");
            Files.writeString(repo.top.resolve("lists/tools.md"), Files.readString(repo.top.resolve("lists/tools.md")).replace("A thing.", "Better said."));
            repo.commit("edit descriptions");
            Files.move(repo.top.resolve("lists/tools.md"), repo.top.resolve("lists/kit.md"));
            repo.commit("rename tools to kit");
            Files.writeString(repo.top.resolve("lists/kit.md"), Files.readString(repo.top.resolve("lists/kit.md")).lines()
                    .filter(l -> !l.contains("/beta")).reduce("", (a, b) -> a + b + "\n"));
            String drop = repo.commit("drop beta");
            build(repo);
            CliTest.Run h = history(repo);
            assertEquals(Main.OK, h.code(), h.err());
            assertTrue(h.err().contains("5 commits read, 1 lists: 2 entries dated, 1 removed ones kept"), h.err());
            assertEquals(List.of(
                    "kit\thttps://example.org/alpha\t" + first + "\t",
                    "kit\thttps://example.org/beta\t" + first + "\t" + drop,
                    "kit\thttps://example.org/gamma\t" + gamma + "\t"), dated(repo));

            // What was added since a day: the saved query, newest first; a day that is not one says so.
            CliTest.Run since = CliTest.run("query", "--db", repo.top.resolve("output/tdb2").toString(), "-f", "csv", "--saved", "changes-since",
                    "--param", "since=2024-01-02");
            // (the list column is the list's title: its file's heading, "tools", kept through the move)
            assertEquals("day,change,list,title,url,commit,author\n"
                    + "2024-01-05,removed,tools,beta,https://example.org/beta," + drop + ",Ann Example\n"
                    + "2024-01-02,added,tools,gamma,https://example.org/gamma," + gamma + ",Ann Example\n", since.out().replace("\r", ""));
            CliTest.Run notADay = CliTest.run("query", "--db", repo.top.resolve("output/tdb2").toString(), "-f", "csv", "--saved", "changes-since",
                    "--param", "since=yesterday");
            assertEquals(Main.USAGE, notADay.code(), notADay.err());
            assertEquals("listgraph: saved query changes-since: parameter since: 'yesterday' is not an xsd:date (a day as YYYY-MM-DD, e.g. 2024-01-01)",
                    notADay.err().strip());

            // A build keeps the history graph; a later history run reads only the newer commits.
            repo.write("kit", List.of("https://example.org/alpha", "https://example.org/gamma", "https://example.org/delta"));
            String delta = repo.commit("add delta");
            build(repo);
            assertEquals(3, dated(repo).size(), "build left the history as it was");
            CliTest.Run again = history(repo);
            assertTrue(again.err().contains("1 commit read"), again.err());
            assertTrue(dated(repo).contains("kit\thttps://example.org/delta\t" + delta + "\t"), dated(repo).toString());
            assertTrue(history(repo).err().contains("0 commits read"));
        }
    }

    @Test
    void fiftyRandomCommitsGiveEveryEntryItsFirstCommitAndADamagedCacheChangesNothing() throws Exception {
        Random random = new Random(7);
        try (Repo repo = new Repo(tmp.resolve("fifty"))) {
            // Three lists, each under a name that may change; what each holds, and the expected first and removing commits.
            String[] names = {"alpha", "beta", "gamma"};
            List<List<String>> holds = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            List<Map<String, String>> first = List.of(new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
            List<Map<String, String>> removed = List.of(new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
            int next = 0;
            for (int i = 0; i < 3; i++) {
                for (int k = 0; k < 3; k++) holds.get(i).add("https://example.org/item-" + next++);
                repo.write(names[i], holds.get(i));
            }
            String start = repo.commit("three lists");
            for (int i = 0; i < 3; i++) for (String u : holds.get(i)) first.get(i).put(u, start);
            for (int n = 1; n < 50; n++) {
                int i = random.nextInt(3);
                List<String> h = holds.get(i);
                int op = random.nextInt(10);
                String message;
                if (op < 4 || h.size() < 2) { // a new entry, or one of the list's old ones back
                    List<String> gone = new ArrayList<>(removed.get(i).keySet());
                    String u = !gone.isEmpty() && random.nextBoolean() ? gone.get(random.nextInt(gone.size())) : "https://example.org/item-" + next++;
                    h.add(random.nextInt(h.size() + 1), u);
                    message = "add " + u;
                } else if (op < 7) {
                    message = "remove " + h.remove(random.nextInt(h.size()));
                } else if (op < 9) {
                    java.util.Collections.swap(h, 0, h.size() - 1);
                    message = "reorder";
                } else {
                    Files.move(repo.top.resolve("lists/" + names[i] + ".md"), repo.top.resolve("lists/" + names[i] + "-v" + n + ".md"));
                    names[i] = names[i] + "-v" + n;
                    message = "rename";
                }
                repo.write(names[i], h);
                String c = repo.commit(message);
                Map<String, String> f = first.get(i), r = removed.get(i);
                for (String u : h) {
                    f.putIfAbsent(u, c);
                    r.remove(u);
                }
                for (String u : f.keySet()) if (!h.contains(u) && !r.containsKey(u)) r.put(u, c);
            }
            build(repo);
            assertEquals(Main.OK, history(repo).code());
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                for (var e : first.get(i).entrySet()) {
                    expected.add(names[i] + "\t" + e.getKey() + "\t" + e.getValue() + "\t" + removed.get(i).getOrDefault(e.getKey(), ""));
                }
            }
            java.util.Collections.sort(expected);
            List<String> found = dated(repo);
            assertEquals(expected, found);
            assertTrue(expected.size() > 15 && expected.stream().anyMatch(l -> !l.endsWith("\t")), "entries added, and some removed: " + expected);
            assertTrue(new TreeSet<>(List.of(names)).stream().anyMatch(n -> n.contains("-v")), "a list was renamed");

            // A damaged cache is not trusted: the history is read again, to the same answers.
            Files.writeString(repo.top.resolve("output/cache/history.json"), "{\"format\":1,\"lists\":[{\"id\":");
            CliTest.Run again = history(repo);
            assertTrue(again.err().contains("50 commits read"), again.err());
            assertEquals(found, dated(repo));
        }
    }

    @Test
    void aListDeletedAndMadeAgainOrGivenAnotherFileReadsTheSameRunByRunAsAllAtOnce() throws Exception {
        try (Repo repo = new Repo(tmp.resolve("again"))) {
            repo.write("tools", List.of("https://example.org/a", "https://example.org/b"));
            Files.writeString(repo.top.resolve("lists/lists.json"), "{\"lists\": [{\"id\": \"alpha\", \"title\": \"Alpha\", \"file\": \"tools.md\"},"
                    + " {\"id\": \"beta\", \"title\": \"Beta\", \"file\": \"kit.md\"}]}");
            repo.write("kit", List.of("https://example.org/k"));
            String first = repo.commit("two lists");
            build(repo);
            history(repo);
            Files.delete(repo.top.resolve("lists/tools.md"));
            String deleted = repo.commit("delete tools");
            repo.write("tools", List.of("https://example.org/a", "https://example.org/c"));
            String back = repo.commit("tools again");
            build(repo);
            history(repo);
            List<String> stepwise = dated(repo);
            assertTrue(stepwise.contains("alpha\thttps://example.org/a\t" + first + "\t"), "back in its list, it keeps its first commit: " + stepwise);
            assertTrue(stepwise.contains("alpha\thttps://example.org/b\t" + first + "\t" + deleted), stepwise.toString());
            assertTrue(stepwise.contains("alpha\thttps://example.org/c\t" + back + "\t"), stepwise.toString());
            Files.delete(repo.top.resolve("output/cache/history.json"));
            history(repo);
            assertEquals(stepwise, dated(repo), "read all at once");

            // lists.json gives each id the other file: each list is its new file's history, run by run as all at once.
            Files.writeString(repo.top.resolve("lists/lists.json"), "{\"lists\": [{\"id\": \"alpha\", \"title\": \"Alpha\", \"file\": \"kit.md\"},"
                    + " {\"id\": \"beta\", \"title\": \"Beta\", \"file\": \"tools.md\"}]}");
            repo.commit("swap ids");
            build(repo);
            history(repo);
            List<String> swapped = dated(repo);
            Files.delete(repo.top.resolve("output/cache/history.json"));
            history(repo);
            assertEquals(swapped, dated(repo));
            assertTrue(swapped.contains("alpha\thttps://example.org/k\t" + first + "\t"), swapped.toString());
        }
    }

    @Test
    void aShallowCloneIsRefusedRatherThanDatedToItsFirstCommit() throws Exception {
        try (Repo repo = new Repo(tmp.resolve("deep"))) {
            for (int i = 0; i < 4; i++) {
                List<String> urls = new ArrayList<>();
                for (int k = 0; k <= i; k++) urls.add("https://example.org/e" + k);
                repo.write("tools", urls);
                repo.commit("entry " + i);
            }
            Path shallow = tmp.resolve("shallow");
            try (Git clone = Git.cloneRepository().setURI(repo.top.toUri().toString()).setDirectory(shallow.toFile()).setDepth(2).call()) {
                assertTrue(Files.exists(shallow.resolve("lists/tools.md")));
            }
            CliTest.Run b = CliTest.run("build", "--lists", shallow.resolve("lists").toString(), "--output", shallow.resolve("output").toString());
            assertTrue(b.code() == Main.OK || b.code() == Main.FINDINGS, b.err());
            CliTest.Run h = CliTest.run("history", "--lists", shallow.resolve("lists").toString(), "--output", shallow.resolve("output").toString());
            assertEquals(Main.BAD_INPUT, h.code());
            assertTrue(h.err().contains("shallow clone") && h.err().contains("git fetch --unshallow"), h.err());
        }
    }

    @Test
    void theTwoVersionsOfTheNleivaSeedListStayTwoLists() throws Exception {
        try (Repo repo = new Repo(tmp.resolve("seeds"))) {
            try (var seeds = Files.list(Path.of("lists"))) {
                for (Path p : seeds.filter(Files::isRegularFile).toList()) Files.copy(p, repo.top.resolve("lists").resolve(p.getFileName()));
            }
            String c = repo.commit("the seeds");
            build(repo);
            CliTest.Run h = history(repo);
            assertTrue(h.err().contains("1 commit read, 5 lists"), h.err());
            Map<String, Integer> perList = new LinkedHashMap<>();
            for (String row : dated(repo)) {
                assertTrue(row.contains("\t" + c + "\t"), row);
                perList.merge(row.split("\t")[0], 1, Integer::sum);
            }
            assertTrue(perList.containsKey("nleiva-k8s-networking") && perList.containsKey("nleiva-k8s-networking-pre-2024"), perList.toString());
        }
    }

    @Test
    void aFolderOutsideGitOrWithoutAStoreIsOneLineAndExitThree() throws IOException {
        Path lists = Files.createDirectories(tmp.resolve("plain/lists"));
        Files.writeString(lists.resolve("a.md"), "# A\n\n- [X](https://example.org/x)\n");
        CliTest.Run noStore = CliTest.run("history", "--lists", lists.toString(), "--output", tmp.resolve("plain/output").toString());
        assertEquals(Main.BAD_INPUT, noStore.code());
        assertTrue(noStore.err().contains("run './listgraph build' first"), noStore.err());
        CliTest.Run b = CliTest.run("build", "--lists", lists.toString(), "--output", tmp.resolve("plain/output").toString());
        assertTrue(b.code() == Main.OK || b.code() == Main.FINDINGS, b.err());
        CliTest.Run noGit = CliTest.run("history", "--lists", lists.toString(), "--output", tmp.resolve("plain/output").toString());
        assertEquals(Main.BAD_INPUT, noGit.code());
        assertEquals(1, noGit.err().lines().count(), noGit.err());
        assertTrue(noGit.err().contains("not inside a git repository"), noGit.err());
    }
}
