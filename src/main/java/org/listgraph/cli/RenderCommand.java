package org.listgraph.cli;

import org.listgraph.entry.UsageException;
import org.listgraph.export.AtomicFile;
import org.listgraph.export.MarkdownList;
import org.listgraph.store.StoreExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code render}: the store written back as a Markdown list, merged from several lists or a cleaned copy of one. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Write a Markdown list from the store: every resource of the lists (all, or those given with --list) once, "
                + "filed by topic and kind and sorted by title, with a table of contents; or, with --copy, a cleaned copy of one "
                + "list (its sections and order, duplicates removed).")
final class RenderCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Option(names = "--db", paramLabel = "DIR", defaultValue = "output/tdb2", description = "Store folder (default: ${DEFAULT-VALUE}).")
    Path db;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "-", description = "Output file, or - for stdout (default).")
    String output;
    @Option(names = "--list", paramLabel = "LIST-ID", description = "Only the resources of this list (repeatable; default: every list).")
    List<String> lists = List.of();
    @Option(names = "--copy", paramLabel = "LIST-ID", description = "A cleaned copy of this one list instead of a merged list.")
    String copy;
    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "Merged Lists", description = "The merged list's title (default: ${DEFAULT-VALUE}).")
    String title;
    @Option(names = "--fields", paramLabel = "FIELD", split = ",", description = "What each line shows besides its title and link: "
            + "authors, kind (a heading per kind), description, lists (how many lists have it). Default: all of them.")
    List<String> fields;
    @Option(names = "--dead-links", paramLabel = "WHAT", defaultValue = "keep", description = "A resource whose every URL the last "
            + "check-links found dead: keep, mark (a `dead link` tag) or drop (default: ${DEFAULT-VALUE}). A dead URL always gives way "
            + "to one of the resource's others that is not.")
    String deadLinks;
    @picocli.CommandLine.ParentCommand
    Main main;

    @Override
    public Integer call() {
        if (copy != null && !lists.isEmpty()) throw new UsageException("--copy makes a copy of one list; leave out --list");
        if (title.isBlank()) throw new UsageException("--title: give the merged list a title (it becomes its main heading)");
        Set<MarkdownList.Field> shown = shown();
        MarkdownList.DeadLinks dead;
        try {
            dead = MarkdownList.DeadLinks.valueOf(deadLinks.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--dead-links is keep, mark or drop, not '" + deadLinks + "'");
        }
        if (!output.equals("-")) OutputTarget.of(output); // before reading the store: a mistyped folder costs nothing
        MarkdownList markdown = StoreExport.markdown(db, common.base, lists, copy, title, shown, dead);
        if (output.equals("-")) {
            write(markdown, main.stdout);
            main.stdout.flush();
        } else {
            AtomicFile.write(Path.of(output), o -> write(markdown, o));
        }
        return Main.OK;
    }

    private Set<MarkdownList.Field> shown() {
        if (fields == null) return EnumSet.allOf(MarkdownList.Field.class);
        Set<MarkdownList.Field> shown = EnumSet.noneOf(MarkdownList.Field.class);
        for (String f : fields) {
            try {
                shown.add(MarkdownList.Field.valueOf(f.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--fields: unknown field '" + f + "'; the fields are authors, kind, description and lists");
            }
        }
        return shown;
    }

    private static void write(MarkdownList markdown, java.io.OutputStream out) {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        markdown.write(w);
        try {
            w.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
