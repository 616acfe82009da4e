package org.listgraph.export;

import org.apache.jena.graph.Node;
import org.listgraph.rdf.Vocab;

import java.util.Locale;

/**
 * The registry of property-graph edge types: each is one RDF property between exported nodes, named
 * by the property's local name in GraphML and DOT and by its Neo4j form (listedIn → LISTED_IN) in
 * Neo4j. One edge per triple; dct:isPartOf is not one, as every such triple is the mirror of a
 * dct:hasPart the graph also states.
 */
public enum EdgeType {
    CREATOR(Vocab.DCT_CREATOR, "resource or series → agent"),
    SUBJECT(Vocab.DCT_SUBJECT, "resource → topic of the heading it is listed under"),
    DERIVED_SUBJECT(Vocab.DERIVED_SUBJECT, "resource → topic its title or description names"),
    LISTED_IN(Vocab.LISTED_IN, "resource → list"),
    HAS_PART(Vocab.DCT_HAS_PART, "resource or series → its part"),
    RELATION(Vocab.DCT_RELATION, "resource → related resource"),
    POSSIBLE_DUPLICATE(Vocab.POSSIBLE_DUPLICATE, "resource → resource that may be the same work (stated both ways)"),
    DESCRIBED_BY(Vocab.DESCRIBED_BY, "curated-list resource → the loaded list it is"),
    AFFILIATION(Vocab.SCHEMA_AFFILIATION, "agent → organisation"),
    BROADER(Vocab.SKOS_BROADER, "topic → broader topic"),
    WAS_REVISION_OF(Vocab.PROV_WAS_REVISION_OF, "list → the earlier version of it");

    private final Node property;
    private final String description;

    EdgeType(Node property, String description) {
        this.property = property;
        this.description = description;
    }

    public Node property() {
        return property;
    }

    /** The name in GraphML and DOT: the RDF property's local name (creator, listedIn, broader, wasRevisionOf). */
    public String typeName() {
        String iri = property.getURI();
        return iri.substring(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
    }

    /** The same name as Neo4j's convention writes relationship types: listedIn → LISTED_IN. */
    public String neo4jName() {
        return typeName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }
}
