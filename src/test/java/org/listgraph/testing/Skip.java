package org.listgraph.testing;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Skips a test that this machine cannot run (no browser, no root, a missing Debian tool) and says why on the console:
 * Maven keeps an assumption's message in its XML reports only, and a test's own output goes to a file.
 */
public final class Skip {
    private Skip() {
    }

    /** Skips the test, with {@code reason} on the console, unless {@code runnable}. */
    public static void unless(boolean runnable, String reason) {
        if (!runnable) {
            // The JVM's own stderr, which Maven shows as it is, not System.err, which it sends to the report files.
            PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
            StackWalker.StackFrame test = StackWalker.getInstance().walk(s -> s.skip(1).filter(f -> !f.getMethodName().startsWith("require"))
                    .findFirst().orElseThrow());
            String where = test.getClassName().substring(test.getClassName().lastIndexOf('.') + 1) + "." + test.getMethodName();
            console.println("[WARNING] " + where + " skipped: " + reason);
        }
        assumeTrue(runnable, reason);
    }
}
