package org.listgraph.store;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.OWL;

import java.io.IOException;
import java.io.InputStream;

/** The owl:versionInfo of the ontology shipped in the jar (ontology/listgraph.ttl). */
final class OntologyVersion {
    private OntologyVersion() {
    }

    static String get() {
        try (InputStream in = OntologyVersion.class.getClassLoader().getResourceAsStream("ontology/listgraph.ttl")) {
            if (in == null) return "unknown";
            Model m = ModelFactory.createDefaultModel();
            m.read(in, null, "TTL");
            Statement s = m.getResource("https://w3id.org/listgraph/ns").getProperty(OWL.versionInfo);
            return s == null ? "unknown" : s.getString();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
