package org.listgraph.cli;

import org.listgraph.entry.BadInputException;
import org.listgraph.entry.LinkCheck;
import org.listgraph.entry.UsageException;
import org.listgraph.identity.IriMinter;
import org.listgraph.links.LinkChecker;
import org.listgraph.rdf.LinkGraph;
import org.listgraph.store.LinkedUrls;
import org.listgraph.store.TdbStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code check-links}: every URL of the store's lists checked over HTTP; dead and moved links said as lint says findings. */
@Command(name = "check-links", mixinStandardHelpOptions = true,
        description = "Check every URL of the store's lists over HTTP (HEAD, then GET where refused; redirects followed; 429/503 retried), "
                + "at most --concurrency requests at once and --per-host to one host. Prints dead and moved links as "
                + "file:line:col: warning: dead-link|moved-link: …, keeps results in OUTPUT/cache/links.json (a URL checked "
                + "within --max-age is not asked again) and in the store's links graph. Exit 1 when a link is dead.")
final class CheckLinksCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Option(names = "--db", paramLabel = "DIR", defaultValue = "output/tdb2", description = "Store folder; the cache goes beside it (default: ${DEFAULT-VALUE}).")
    Path db;
    @Option(names = "--list", paramLabel = "LIST-ID", description = "Only the URLs of this list (repeatable; default: every list).")
    List<String> lists = List.of();
    @Option(names = "--max-age", paramLabel = "DURATION", defaultValue = "168h", converter = DurationConverter.class,
            description = "Check again a URL last checked longer ago than this (default: ${DEFAULT-VALUE}, a week).")
    Duration maxAge;
    @Option(names = "--only-changed", description = "Check only URLs never checked before (new since the last check); the others keep their last result.")
    boolean onlyChanged;
    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "16", description = "Requests at once, in all (default: ${DEFAULT-VALUE}).")
    int concurrency;
    @Option(names = "--per-host", paramLabel = "N", defaultValue = "2", description = "Requests at once to one host (default: ${DEFAULT-VALUE}).")
    int perHost;
    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "15s", converter = DurationConverter.class,
            description = "How long to wait for an answer; connecting gets a third of it (default: ${DEFAULT-VALUE}).")
    Duration timeout;
    @Option(names = "--retries", paramLabel = "N", defaultValue = "2", description = "Retries of a 429 or 503, after Retry-After (at most 30 s) (default: ${DEFAULT-VALUE}).")
    int retries;
    @picocli.CommandLine.ParentCommand
    Main main;
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (concurrency < 1 || perHost < 1 || retries < 0) throw new UsageException("--concurrency and --per-host must be at least 1, --retries 0 or more");
        if (!Files.isDirectory(db)) throw new BadInputException(db + ": error: no store here; run './listgraph build' first");
        Path output = db.toAbsolutePath().normalize().getParent();
        List<LinkedUrls.Use> uses = LinkedUrls.of(db, common.base, Set.copyOf(lists));
        Set<String> urls = new LinkedHashSet<>();
        uses.forEach(u -> urls.add(u.url()));
        LinkCache cache = LinkCache.read(output);
        Clock clock = Clock.systemUTC();
        List<String> due = urls.stream().filter(u -> {
            LinkCheck known = cache.checks.get(u);
            if (onlyChanged) return known == null;
            return known == null || known.checkedAt().isBefore(clock.instant().minus(maxAge));
        }).toList();
        ProgressLine progress = new ProgressLine(spec.commandLine().getErr(), main.env);
        LinkChecker.Settings settings = new LinkChecker.Settings(concurrency, perHost, timeout.dividedBy(3).isZero() ? timeout : timeout.dividedBy(3),
                timeout, retries, Duration.ofSeconds(30), "listgraph/" + Main.version() + " (link check; https://w3id.org/listgraph)");
        try (LinkChecker checker = new LinkChecker(settings, clock)) {
            checker.check(due, n -> progress.accept("checking links: " + n + "/" + due.size())).forEach(c -> cache.checks.put(c.url(), c));
        } finally {
            progress.done();
        }
        List<LinkCheck> inStore = urls.stream().map(cache.checks::get).filter(java.util.Objects::nonNull).toList();
        try (TdbStore store = TdbStore.open(db, false)) {
            store.replaceGraph(new IriMinter(common.base).linksGraph(), LinkGraph.of(inStore));
        }
        cache.write(output); // after the store: a run stopped between them checks those URLs again
        return report(uses, cache, due.size(), inStore);
    }

    /** Dead and moved links as lint findings on stdout, the counts on stderr; 1 when a link is dead. */
    private int report(List<LinkedUrls.Use> uses, LinkCache cache, int checked, List<LinkCheck> all) {
        PrintWriter out = spec.commandLine().getOut();
        for (LinkedUrls.Use u : uses) {
            LinkCheck c = cache.checks.get(u.url());
            if (c == null) continue;
            switch (c.state()) {
                case DEAD -> out.println(u.file() + ":" + u.line() + ":1: warning: dead-link: " + u.url() + " " + said(c)
                        + "; remove it, or link where it went");
                case MOVED -> out.println(u.file() + ":" + u.line() + ":1: warning: moved-link: " + u.url() + " redirects to " + c.finalUrl()
                        + "; write the new URL");
                default -> { }
            }
        }
        out.flush();
        Map<LinkCheck.State, Integer> counts = new EnumMap<>(LinkCheck.State.class);
        for (LinkCheck c : all) counts.merge(c.state(), 1, Integer::sum);
        StringBuilder line = new StringBuilder("check-links: " + all.size() + " URLs (" + checked + " checked now, " + (all.size() - checked)
                + " from the last " + DurationConverter.format(maxAge) + "):");
        for (LinkCheck.State s : LinkCheck.State.values()) line.append(' ').append(counts.getOrDefault(s, 0)).append(' ').append(s.id()).append(',');
        line.setLength(line.length() - 1);
        spec.commandLine().getErr().println(line + " -> " + db);
        spec.commandLine().getErr().flush();
        return counts.getOrDefault(LinkCheck.State.DEAD, 0) > 0 ? Main.FINDINGS : Main.OK;
    }

    private static String said(LinkCheck c) {
        String where = c.redirects().isEmpty() ? "" : " (after redirects to " + c.finalUrl() + ")";
        return c.problem() != null ? "failed: " + c.problem() + where : "answers " + c.status() + where;
    }
}
