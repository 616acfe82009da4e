package org.listgraph.identity;

import org.listgraph.entry.BadInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * Opens a file of {@code ontology/} the way every stage reads its configuration: the project's own copy
 * ({@code projectDir/ontology/…}) when it has one, else the one shipped in the jar.
 */
public final class OntologyFile {
    private OntologyFile() {
    }

    /** Parses {@code file} with {@code parse(stream, source name)}; {@code what} names it in errors ("the kind rules"). */
    public static <T> T read(Path projectDir, String file, String what, BiFunction<InputStream, String, T> parse) {
        Path local = projectDir.resolve(file);
        if (Files.isRegularFile(local)) {
            try (InputStream in = Files.newInputStream(local)) {
                return parse.apply(in, local.toString());
            } catch (IOException e) {
                throw new BadInputException(local + ": error: cannot read " + what + " (" + e.getMessage() + ")");
            }
        }
        try (InputStream in = OntologyFile.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) throw new IllegalStateException(file + " is missing from the jar");
            return parse.apply(in, file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the shipped " + file, e);
        }
    }
}
