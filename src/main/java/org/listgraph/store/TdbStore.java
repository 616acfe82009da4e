package org.listgraph.store;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.listgraph.entry.BadInputException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * The TDB2 dataset under {@code output/tdb2}: one named graph per list plus the shared graph, with
 * the union of all graphs as the default graph. Every access runs inside a transaction.
 */
public final class TdbStore implements AutoCloseable {
    private final Path dir;
    private final DatasetGraph dsg;

    private TdbStore(Path dir, DatasetGraph dsg) {
        this.dir = dir;
        this.dsg = dsg;
    }

    /** Opens (or creates, when {@code create}) the store in {@code dir}. */
    public static TdbStore open(Path dir, boolean create) {
        if (!create && !isStore(dir)) {
            throw new BadInputException(dir + ": error: no store here; run './listgraph build' or 'load' first, or pass --db");
        }
        try {
            DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(dir));
            dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
            return new TdbStore(dir, dsg);
        } catch (RuntimeException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("lock") || msg.contains("Lock")) {
                throw new BadInputException(dir + ": error: the store is in use by another listgraph process (a build, load or query); "
                        + "wait for it to finish and run the command again");
            }
            throw new BadInputException(dir + ": error: cannot open the TDB2 store (" + msg + ")", e);
        }
    }

    /** A TDB2 database folder holds its data in {@code Data-NNNN} subfolders. */
    private static boolean isStore(Path dir) {
        if (!Files.isDirectory(dir)) return false;
        try (var children = Files.list(dir)) {
            return children.anyMatch(c -> c.getFileName().toString().startsWith("Data-"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    public DatasetGraph dataset() {
        return dsg;
    }

    /** Replaces the whole content of the store with a conversion's named graphs, in one write transaction. */
    public void replaceWith(org.listgraph.rdf.Converter.Result result) {
        replaceWith(result.dataset());
    }

    /** Replaces the whole content of the store with {@code source}'s named graphs, in one write transaction. */
    public void replaceWith(DatasetGraph source) {
        Txn.executeWrite(dsg, () -> {
            dsg.deleteAny(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
            for (Iterator<Node> it = source.listGraphNodes(); it.hasNext(); ) {
                Node g = it.next();
                source.getGraph(g).find().forEachRemaining(t -> dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
            }
        });
    }

    @Override
    public void close() {
        dsg.close();
    }
}
