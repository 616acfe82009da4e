package org.listgraph.rdf;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.listgraph.testing.Seeds;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The code and the ontology agree: every lg: term written is declared in ontology/listgraph.ttl. */
class VocabularyTest {
    private static final Graph ONTOLOGY = RDFDataMgr.loadGraph("ontology/listgraph.ttl");

    private static boolean declared(Node term) {
        return ONTOLOGY.contains(term, RDF.type.asNode(), Node.ANY);
    }

    @Test
    void everyLgConstantInVocabIsDeclared() throws IllegalAccessException {
        Set<String> missing = new TreeSet<>();
        for (Field f : Vocab.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Node.class) {
                Node n = (Node) f.get(null);
                if (n.getURI().startsWith(Vocab.LG) && !declared(n)) missing.add(n.getURI());
            }
        }
        for (var k : org.listgraph.entry.Kind.values()) {
            if (!declared(Vocab.lg(k.localName()))) missing.add(k.localName());
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void everyLgTermInTheSeedGraphIsDeclared() {
        Set<String> missing = new TreeSet<>();
        Seeds.convert().dataset().find().forEachRemaining(q -> {
            for (Node n : new Node[]{q.getPredicate(), q.getObject()}) {
                if (n.isURI() && n.getURI().startsWith(Vocab.LG) && !declared(NodeFactory.createURI(n.getURI()))) missing.add(n.getURI());
            }
        });
        assertEquals(Set.of(), missing);
    }
}
