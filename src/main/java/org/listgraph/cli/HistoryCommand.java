package org.listgraph.cli;

import org.listgraph.entry.BadInputException;
import org.listgraph.entry.EntryHistory;
import org.listgraph.entry.GitCommit;
import org.listgraph.entry.InputLimits;
import org.listgraph.entry.ListDocument;
import org.listgraph.entry.ListInfo;
import org.listgraph.identity.IriMinter;
import org.listgraph.identity.ListTimeline;
import org.listgraph.markdown.GitVersions;
import org.listgraph.markdown.ListFiles;
import org.listgraph.markdown.Manifest;
import org.listgraph.rdf.HistoryGraph;
import org.listgraph.store.TdbStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code history}: when each entry came into its list and when it left, read from the lists' git history into the store. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Read the git history of the lists (no git binary needed) and record, for each entry, the commit it first "
                + "appeared in and, for entries gone from a list, the commit that removed it, in the store's history graph. "
                + "Renamed list files are followed; a later run reads only newer commits. Run 'build' first.")
final class HistoryCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Option(names = "--lists", paramLabel = "DIR", defaultValue = "lists", description = "The folder of lists, inside a git repository (default: ${DEFAULT-VALUE}).")
    Path lists;
    @Option(names = "--output", paramLabel = "DIR", defaultValue = "output", description = "Where build wrote the store (DIR/tdb2) (default: ${DEFAULT-VALUE}).")
    Path output;
    @Mixin
    LimitsOption limits;
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isDirectory(lists)) throw new BadInputException(lists + ": error: not a folder of lists; give --lists DIR");
        Path db = output.resolve("tdb2");
        if (!Files.isDirectory(db)) throw new BadInputException(db + ": error: no store here; run './listgraph build' first (history adds to it)");
        Manifest manifest = Manifest.inFolder(lists);
        InputLimits limit = limits.limits();
        ListFiles files = new ListFiles(limit);
        HistoryState before = HistoryState.read(output);
        HistoryState after = new HistoryState();
        int read = 0;
        try (GitVersions git = GitVersions.open(lists)) {
            git.requireWholeHistory(lists);
            List<GitCommit> line = git.firstParentLine();
            Map<String, Integer> at = new HashMap<>();
            for (int i = 0; i < line.size(); i++) at.put(line.get(i).id(), i);
            for (Path file : ListFiles.expand(List.of(lists))) {
                ListInfo info = files.info(file, manifest);
                String path = git.pathInRepository(file);
                if (path == null) continue;
                ListTimeline saved = before.lists.get(info.id());
                // Taken up where the last run stopped, when that commit is still on the line (not after a rewritten history) and
                // the list is still the file it was then (lists.json may give its id to another file).
                boolean resume = saved != null && saved.lastCommit() != null && at.containsKey(saved.lastCommit())
                        && path.equals(before.paths.get(info.id()));
                ListTimeline timeline = resume ? saved : new ListTimeline(info.id());
                int from = resume ? at.get(timeline.lastCommit()) + 1 : 0;
                for (GitVersions.Version v : git.versions(path, line, from)) {
                    ListDocument doc = null;
                    if (v.blob() != null && !v.blob().equals(timeline.lastBlob())) {
                        try {
                            doc = files.readVersion(file, manifest, git.bytes(v.blob(), v.path(), limit.fileSize()));
                        } catch (GitVersions.MissingHistory missing) {
                            throw missing;
                        } catch (BadInputException unreadable) {
                            continue; // a version that cannot be read as a list (binary, over a limit) says nothing of its entries
                        }
                    }
                    timeline.at(v.commit().id(), v.blob(), doc);
                }
                read = Math.max(read, line.size() - from);
                after.lists.put(info.id(), timeline);
                after.paths.put(info.id(), path);
            }
            for (GitCommit c : line) after.commits.put(c.id(), c);
        }
        List<EntryHistory> all = new ArrayList<>();
        after.lists.values().forEach(t -> all.addAll(t.entries()));
        after.commits.keySet().retainAll(named(all));
        IriMinter iris = new IriMinter(common.base);
        boolean changed;
        try (TdbStore store = TdbStore.open(db, false)) {
            changed = store.replaceGraph(iris.historyGraph(), HistoryGraph.of(iris, all, after.commits));
        }
        after.write(output); // after the store: a run stopped between them reads those commits again, to the same graph
        long gone = all.stream().filter(EntryHistory::removed).count();
        spec.commandLine().getErr().println("history: " + read + " commit" + (read == 1 ? "" : "s") + " read, " + after.lists.size() + " lists: "
                + (all.size() - gone) + " entries dated, " + gone + " removed ones kept" + (changed ? "" : " (unchanged)") + " -> " + db);
        return Main.OK;
    }

    private static java.util.Set<String> named(List<EntryHistory> entries) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (EntryHistory e : entries) {
            ids.add(e.addedIn());
            if (e.removed()) ids.add(e.removedIn());
        }
        return ids;
    }
}
