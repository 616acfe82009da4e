package org.listgraph.cli;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

/**
 * Runs a rebuild when a file in the watched folders changes (the lists with their lists.json and overrides, and the
 * project's ontology/ with its kind rules and topics): once the folders have been quiet for a moment, as one save is
 * often several events, and one rebuild at a time, on a thread of its own.
 */
final class ListWatcher implements AutoCloseable {
    /** How long the folders must stay quiet before a rebuild starts. */
    static final long QUIET_MILLIS = 300;
    private final WatchService watch;
    private final List<Path> folders;
    /** Runs a rebuild; true when the folders changed, false for the first one, at the start. */
    private final java.util.function.Consumer<Boolean> rebuild;
    private final Object building = new Object();
    private volatile boolean stopping;

    ListWatcher(List<Path> folders, java.util.function.Consumer<Boolean> rebuild) throws IOException {
        this.watch = FileSystems.getDefault().newWatchService();
        this.folders = List.copyOf(folders);
        this.rebuild = rebuild;
        try {
            for (Path f : folders) {
                if (Files.isDirectory(f)) f.register(watch, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
            }
        } catch (IOException | RuntimeException e) {
            watch.close();
            throw e;
        }
        Thread t = new Thread(this::run, "listgraph-watch");
        t.setDaemon(true);
        t.start();
    }

    private void run() {
        try {
            // Once at the start: what changed while no server watched is served too (an unchanged build stops early).
            synchronized (building) {
                if (!stopping) rebuild.accept(false);
            }
            while (!stopping) {
                settle(watch.take());
                for (WatchKey more = watch.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS); more != null;
                     more = watch.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) {
                    settle(more);
                }
                synchronized (building) {
                    if (!stopping) rebuild.accept(true);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // stopped
        }
    }

    private void settle(WatchKey key) {
        key.pollEvents();
        if (!key.reset()) again(); // the folder went (deleted, or moved away and back): watch it anew where it now is
    }

    /** Registers every watched folder that exists (registering one twice is harmless), after one stopped being watched. */
    private void again() {
        for (Path f : folders) {
            try {
                if (Files.isDirectory(f)) f.register(watch, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
            } catch (IOException e) {
                // gone for now: the next event of the other folders tries again
            }
        }
    }

    /** Stops watching once the rebuild in progress, if any, has finished: the store is never closed under a build. */
    @Override
    public void close() {
        stopping = true;
        try {
            watch.close();
        } catch (IOException e) {
            // nothing more to watch either way
        }
        synchronized (building) {
            // waited for the rebuild in progress
        }
    }
}
