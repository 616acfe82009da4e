package org.listgraph.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar listgraph.jar serve} run as a user runs it, on a free loopback port, until the
 * test stops it with a signal.
 */
public final class ServedJar implements AutoCloseable {
    private static final Pattern START = Pattern.compile("SPARQL endpoint (http://\\S+) · query page (http://\\S+) ");
    private final Process process;
    private final Path stderr;
    private final String startLine;
    private final String endpoint;
    private final String page;

    private ServedJar(Process process, Path stderr, String startLine, String endpoint, String page) {
        this.process = process;
        this.stderr = stderr;
        this.startLine = startLine;
        this.endpoint = endpoint;
        this.page = page;
    }

    /** Starts {@code serve --port 0} in {@code dir} (which holds output/tdb2) and waits for its start line. */
    public static ServedJar start(Path jar, Path dir, String... extra) throws IOException {
        List<String> cmd = new ArrayList<>();
        // A process started in the background of a non-interactive shell (as CI may start Maven) inherits
        // SIGINT as ignored, and so would the server: reset it, as a terminal's Ctrl-C finds it.
        if (Files.isExecutable(Path.of("/usr/bin/perl"))) cmd.addAll(List.of("/usr/bin/perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die"));
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(), "serve", "--port", "0"));
        cmd.addAll(List.of(extra));
        Path err = Files.createTempFile(dir, "serve", ".stderr");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(err.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        try {
            // The start line comes once the server listens; a server that hangs must not hang the build.
            line = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return null;
                }
            }).get(120, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException | InterruptedException e) {
            p.destroyForcibly();
            throw new IllegalStateException("serve printed no start line within 120 s: " + Files.readString(err), e);
        }
        if (line == null) {
            p.destroyForcibly();
            throw new IllegalStateException("serve ended before listening: " + Files.readString(err));
        }
        Matcher m = START.matcher(line);
        if (!m.find()) {
            p.destroyForcibly();
            throw new IllegalStateException("unexpected start line: " + line);
        }
        return new ServedJar(p, err, line, m.group(1), m.group(2));
    }

    public String startLine() {
        return startLine;
    }

    public String endpoint() {
        return endpoint;
    }

    public String page() {
        return page;
    }

    public long pid() {
        return process.pid();
    }

    /** Sends {@code signal} (INT, TERM) and waits for the process to end; returns its exit code. */
    public int stop(String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("serve did not stop within 30 s of SIG" + signal);
        }
        return process.exitValue();
    }

    public String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (!process.isAlive()) return;
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
