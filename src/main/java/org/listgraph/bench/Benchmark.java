package org.listgraph.bench;

import com.vladsch.flexmark.parser.Parser;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.progress.MonitorOutputs;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.listgraph.entry.InputLimits;
import org.listgraph.identity.IriMinter;
import org.listgraph.markdown.ListFiles;
import org.listgraph.markdown.ListReader;
import org.listgraph.rdf.Converter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Measures, on one corpus and in one JVM: flexmark parsing alone, our conversion, Jena's own
 * sequential loader on the quads we produce, and (through a callback, as the CLI runs it) a whole
 * build, each with its wall time and peak heap. The baselines (parse, load) are what the targets are
 * stated against.
 */
public final class Benchmark {
    /**
     * One measured phase: what it was, its wall time, and the peak of used heap (the sum of the heap
     * pools' peaks: an upper bound that includes garbage not yet collected; run with -Xmx to check a limit).
     */
    public record Phase(String name, double seconds, long peakHeapBytes) {
    }

    /** All phases plus the corpus's size. */
    public record Report(int lists, int entries, long bytes, long quads, Map<String, Phase> phases) {
        public Phase phase(String name) {
            return phases.get(name);
        }

        /** build ÷ (parse + sequential load): the target is ≤ 1.25. */
        public double buildRatio() {
            return phase("build").seconds() / (phase("parse").seconds() + phase("load").seconds());
        }

        /** convert ÷ parse. */
        public double convertRatio() {
            return phase("convert").seconds() / phase("parse").seconds();
        }

        /** A build with nothing changed ÷ the full build (the target is ≤ 1%, the JVM's start aside). */
        public double unchangedRatio() {
            return phase("unchanged").seconds() / phase("build").seconds();
        }

        /** A build after one entry was added to one list ÷ the full build (the target is ≤ 2%). */
        public double oneListRatio() {
            return phase("one-list").seconds() / phase("build").seconds();
        }
    }

    private Benchmark() {
    }

    /**
     * Runs the phases over the lists in {@code corpus} (read within {@code limits}), using {@code scratch}
     * for stores; {@code build} runs a whole build of {@code corpus} into the same output each time. After the
     * full build, it builds again with nothing changed, then once more after adding one entry to the first
     * list: so {@code corpus} must be a copy the benchmark may change.
     */
    public static Report run(Path corpus, Path scratch, InputLimits limits, Supplier<Integer> build) {
        List<Path> files = ListFiles.expand(List.of(corpus));
        long bytes = files.stream().mapToLong(Benchmark::size).sum();
        Map<String, Phase> phases = new LinkedHashMap<>();
        Parser parser = ListReader.newParser(); // the same parser and options as a build

        phases.put("parse", measure("parse: flexmark only", () -> {
            for (Path f : files) parser.parse(read(f));
            return null;
        }));
        Converter.Result[] result = new Converter.Result[1];
        phases.put("convert", measure("convert: lists to RDF", () -> {
            result[0] = new Converter(IriMinter.DEFAULT_BASE).withLimits(limits).convert(files);
            result[0].stats(); // every graph made once (counted), so the phase covers all the RDF, not identity alone
            return null;
        }));
        int entries = result[0].stats().entries();
        // The loader's input: our quads in a plain array (no indexes), made before the clock starts.
        @SuppressWarnings("unchecked")
        List<org.apache.jena.sparql.core.Quad>[] quads = new List[]{new java.util.ArrayList<>()};
        for (var g : result[0].graphs()) g.graph().find().forEachRemaining(t -> quads[0].add(new org.apache.jena.sparql.core.Quad(g.name(), t)));
        long quadCount = quads[0].size();
        result[0] = null; // the loader phase starts from the quads alone
        Path store = scratch.resolve("sequential-loader");
        phases.put("load", measure("load: Jena sequentialLoader of our quads", () -> {
            DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(store));
            DataLoader loader = LoaderFactory.sequentialLoader(dsg, MonitorOutputs.nullOutput());
            loader.startBulk();
            var stream = loader.stream();
            stream.start();
            quads[0].forEach(stream::quad);
            stream.finish();
            loader.finishBulk();
            org.apache.jena.tdb2.sys.TDBInternal.expel(dsg);
            return null;
        }));
        quads[0] = null; // the build phase holds only what the build itself holds
        phases.put("build", measure("build: ./listgraph build", () -> {
            build.get();
            return null;
        }));
        phases.put("unchanged", measure("build again, nothing changed", () -> {
            build.get();
            return null;
        }));
        appendEntry(files.get(0));
        phases.put("one-list", measure("build again, one entry added to one list", () -> {
            build.get();
            return null;
        }));
        return new Report(files.size(), entries, bytes, quadCount, phases);
    }

    /** Adds one entry at the end of a list, as a curator's one-line edit does. */
    private static void appendEntry(Path list) {
        try {
            Files.writeString(list, "\n- [One more entry](https://example.org/bench/one-more-entry) - added between two builds.\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Phase measure(String name, Supplier<Void> work) {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        work.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Phase(name, seconds, peak);
    }
}
