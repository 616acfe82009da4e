package org.listgraph.cli;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a command writes the file (or folder of files) a user named with {@code -o}: its folder must exist, checked
 * before any work, as a typo there must not make folders (as root, {@code -o /tmpx/out.ttl} made a folder at the top
 * of the file system) nor cost a whole conversion before it fails.
 */
final class OutputTarget {
    private OutputTarget() {
    }

    /** The path {@code output} names, once its folder is known to exist; otherwise a one-line error (exit 3). */
    static Path of(String output) {
        Path target;
        try {
            target = Path.of(output);
        } catch (InvalidPathException e) {
            throw new UncheckedIOException("cannot write " + output + " (" + e.getReason() + "); check the output path",
                    new java.io.IOException(e));
        }
        Path folder = target.toAbsolutePath().normalize().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            String why = Files.exists(folder) ? folder + " is a file, not a folder" : "there is no folder " + folder;
            throw new UncheckedIOException("cannot write " + output + " (" + why + "); create the folder first or choose another -o",
                    new NoSuchFileException(folder.toString()));
        }
        return target;
    }
}
