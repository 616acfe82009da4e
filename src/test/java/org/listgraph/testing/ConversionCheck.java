package org.listgraph.testing;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.listgraph.entry.BadInputException;
import org.listgraph.entry.InputLimits;
import org.listgraph.entry.Problem;
import org.listgraph.export.RdfFormat;
import org.listgraph.export.RdfWriter;
import org.listgraph.identity.IriMinter;
import org.listgraph.identity.KindRules;
import org.listgraph.rdf.Converter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs one input through the real conversion (bytes on disk → ListFiles → Converter → graph →
 * N-Quads and Turtle) and checks what any input must give: a graph that reads back, or the one
 * documented error line; problems that point inside the file; no more time than its size allows.
 */
public final class ConversionCheck {
    /**
     * The time any input may take: 5 s plus 20 ms per KB. Measured on this 2-core machine after
     * the fixes: the slowest shapes (a line of backslash escapes at the line-length limit, entities
     * over a 1 MB paragraph) take up to 7 ms per KB, and the first conversion in a JVM up to 3 s
     * while the JIT warms up; the bound leaves room for a loaded machine and still catches the
     * quadratic cases it was made for (a 128 KB paragraph of entities took 9 s before the fix).
     */
    public static long boundMillis(long bytes) {
        return 5_000 + 20 * (bytes / 1024);
    }

    private static final Pattern ERROR_LINE = Pattern.compile("[^\\n]*\\.md(:\\d+){1,2}: error: [^\\n]+");
    private static final ExecutorService RUNNER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzz-conversion");
        t.setDaemon(true); // a hung conversion must not keep the test JVM alive
        return t;
    });
    private static final KindRules RULES = KindRules.load(Path.of(""));

    /** What one conversion gave: the N-Quads bytes (null when the input was refused) and the error line. */
    public record Outcome(byte[] nquads, String error, long millis) {
        public boolean refused() {
            return error != null;
        }
    }

    private ConversionCheck() {
    }

    /** Writes {@code input} to {@code dir/name} and checks its conversion with the default limits. */
    public static Outcome check(Path dir, String name, byte[] input) {
        return check(dir, name, input, InputLimits.DEFAULTS);
    }

    /** As above, with {@code limits}. */
    public static Outcome check(Path dir, String name, byte[] input, InputLimits limits) {
        Path file = dir.resolve(name);
        try {
            Files.write(file, input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long bound = boundMillis(input.length);
        long start = System.nanoTime();
        Future<Converter.Result> run = RUNNER.submit(() -> new Converter(IriMinter.DEFAULT_BASE, RULES).withThreads(1).withLimits(limits)
                .convert(List.of(file)));
        Converter.Result r;
        try {
            r = run.get(bound, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            throw new AssertionError("conversion of " + input.length + " bytes took over " + bound + " ms (" + describe(input) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (e.getCause() instanceof BadInputException bad) {
                String message = bad.getMessage();
                assertTrue(ERROR_LINE.matcher(message).matches(), "one 'file:line[:col]: error: …' line: " + message);
                assertTrue(message.startsWith(file + ":"), "names the file: " + message);
                return new Outcome(null, message, millis);
            }
            throw new AssertionError("conversion threw " + e.getCause() + " on " + describe(input), e.getCause());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        checkPositions(file, input, r.problems());
        try {
            return new Outcome(checkGraph(r), null, millis);
        } catch (RuntimeException e) {
            throw new AssertionError("the graph does not read back: " + e.getMessage() + " on " + describe(input), e);
        }
    }

    /** Every problem names the file and a line and column inside it. */
    private static void checkPositions(Path file, byte[] input, List<Problem> problems) {
        String text = new String(input, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String[] lines = text.split("\n", -1);
        for (Problem p : problems) {
            var at = p.position();
            assertEquals(file.toString(), at.file(), p.toString());
            assertTrue(at.line() >= 1 && at.column() >= 1, p.toString());
            assertTrue(at.line() <= lines.length + 1, "line inside the file (" + lines.length + " lines): " + p);
            int length = at.line() <= lines.length ? lines[at.line() - 1].length() : 0;
            assertTrue(at.column() <= length + 1, "column inside line " + at.line() + " (" + length + " characters): " + p);
            assertTrue(!p.message().isBlank() && p.message().indexOf('\n') < 0, "one-line message: " + p);
        }
    }

    /** The dataset as N-Quads, after checking that it and the Turtle of its union read back whole. */
    private static byte[] checkGraph(Converter.Result r) {
        ByteArrayOutputStream nq = new ByteArrayOutputStream();
        RdfWriter.writeUnion(r, RdfFormat.NQ, IriMinter.DEFAULT_BASE, nq);
        DatasetGraph back = DatasetGraphFactory.create();
        // Strict: a warning (an IRI without a host, a bad language tag) fails the check as an error would.
        RDFParser.fromString(nq.toString(StandardCharsets.UTF_8), Lang.NQUADS).errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging).parse(back);
        long quads = 0;
        for (var g : r.graphs()) quads += g.graph().size();
        assertEquals(quads, back.stream().count(), "every quad reads back from N-Quads");
        ByteArrayOutputStream ttl = new ByteArrayOutputStream();
        RdfWriter.writeUnion(r, RdfFormat.TTL, IriMinter.DEFAULT_BASE, ttl);
        var union = GraphFactory.createDefaultGraph();
        RDFParser.fromString(ttl.toString(StandardCharsets.UTF_8), Lang.TURTLE).errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging)
                .parse(union);
        assertEquals(back.getUnionGraph().size(), union.size(), "the Turtle holds the union of the graphs");
        return nq.toByteArray();
    }

    /** Converts {@code input} twice and checks that both give the same bytes. */
    public static Outcome checkDeterministic(Path dir, String name, byte[] input) {
        Outcome first = check(dir, name, input);
        Outcome second = check(dir, name, input);
        if (first.refused()) {
            assertEquals(first.error(), second.error(), "the same error twice");
        } else {
            assertArrayEquals(first.nquads(), second.nquads(), "the same N-Quads twice");
        }
        return first;
    }

    /** A short account of an input for failure messages: its size and its start. */
    public static String describe(byte[] input) {
        byte[] head = Arrays.copyOf(input, Math.min(input.length, 120));
        return input.length + " bytes starting " + new String(head, StandardCharsets.UTF_8).replace("\n", "\\n");
    }
}
