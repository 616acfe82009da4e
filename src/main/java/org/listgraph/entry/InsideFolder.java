package org.listgraph.entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Refuses a file found in a lists folder that is a symbolic link leading out of it. Git keeps
 * symbolic links, so a pull request could otherwise make a build read {@code ~/.ssh/id_rsa} or
 * {@code /etc/passwd} into its graph, warnings and published outputs.
 */
public final class InsideFolder {
    private InsideFolder() {
    }

    /** Passes when {@code file} (found in {@code folder}) is not a link, or a link that stays inside the folder. */
    public static void check(Path folder, Path file) {
        if (!Files.isSymbolicLink(file)) return;
        Path real;
        Path root;
        try {
            real = file.toRealPath();
            root = folder.toRealPath();
        } catch (IOException e) {
            throw new BadInputException(file + ": error: a symbolic link that leads nowhere; remove it, or point it at a file inside " + folder);
        }
        if (!real.startsWith(root)) {
            throw new BadInputException(file + ": error: a symbolic link to " + real + ", outside " + folder
                    + "; files in a lists folder are read only from inside it: copy the file in, or name it on the command line");
        }
    }
}
