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
    }

    private Benchmark() {
    }

    /**
     * Runs the phases over the lists in {@code corpus} (read within {@code limits}), using {@code scratch}
     * for stores; {@code build} runs a whole build and returns its entry count.
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
        return new Report(files.size(), entries, bytes, quadCount, phases);
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
