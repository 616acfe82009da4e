package org.listgraph.store;

import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.listgraph.entry.BadInputException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loads RDF files into an in-memory dataset for querying without a store ({@code query --data}). */
public final class DataFiles {
    private DataFiles() {
    }

    /** All triples of all files, in the default graph (named graphs of quad files are merged into it). */
    public static DatasetGraph load(List<Path> files) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        var graph = dsg.getDefaultGraph();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) throw new BadInputException(f + ": error: no such file; check the path");
            try {
                RDFParser.source(f).parse(StreamRDFLib.graph(graph));
            } catch (RiotException e) {
                throw new BadInputException(f + ": error: not readable RDF: " + e.getMessage());
            }
        }
        return dsg;
    }
}
