package org.listgraph.rdf;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;

/** The terms listgraph writes: its own lg: vocabulary (ontology/listgraph.ttl) and the reused ones. */
public final class Vocab {
    public static final String LG = "https://w3id.org/listgraph/ns#";
    public static final String DCT = "http://purl.org/dc/terms/";
    public static final String FOAF = "http://xmlns.com/foaf/0.1/";
    public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    public static final String SCHEMA = "https://schema.org/";
    public static final String PROV = "http://www.w3.org/ns/prov#";

    // lg: classes
    public static final Node LIST = lg("List");
    public static final Node ENTRY = lg("Entry");
    public static final Node RESOURCE = lg("Resource");
    public static final Node SERIES = lg("Series");
    public static final Node SECTION = lg("Section");
    public static final Node TOPIC = lg("Topic");

    // lg: properties
    public static final Node SOURCE_PATH = lg("sourcePath");
    public static final Node SHA256 = lg("sha256");
    public static final Node IN_LIST = lg("inList");
    public static final Node LINE = lg("line");
    public static final Node SECTION_P = lg("section");
    public static final Node LABEL = lg("label");
    public static final Node MARKDOWN = lg("markdown");
    public static final Node PARENT_ENTRY = lg("parentEntry");
    public static final Node FEATURED = lg("featured");
    public static final Node LISTED_IN = lg("listedIn");
    public static final Node LIST_COUNT = lg("listCount");
    public static final Node RECORDING = lg("recording");
    public static final Node SLIDES = lg("slides");
    public static final Node TOPIC_P = lg("topic");
    public static final Node POSSIBLE_DUPLICATE = lg("possibleDuplicate");
    public static final Node KIND_EVIDENCE = lg("kindEvidence");
    public static final Node DESCRIBED_BY = lg("describedBy");
    public static final Node TAG = lg("tag");
    public static final Node DERIVED_SUBJECT = lg("derivedSubject");
    public static final Node LOOKUP_KEY = lg("lookupKey");
    // History of the lists in git (the history command).
    public static final Node COMMIT = lg("Commit");
    public static final Node REMOVED_ENTRY = lg("RemovedEntry");
    public static final Node ADDED_IN = lg("addedIn");
    public static final Node REMOVED_IN = lg("removedIn");
    public static final Node REMOVED_FROM = lg("removedFrom");
    public static final Node COMMIT_ID = lg("commitId");
    // Link checks (the check-links command).
    public static final Node LINK_STATUS = lg("linkStatus");
    public static final Node LINK_STATE = lg("linkState");
    public static final Node REDIRECTS_TO = lg("redirectsTo");
    public static final Node CHECKED_AT = lg("checkedAt");
    public static final Node LINK_PROBLEM = lg("linkProblem");
    /** The concept scheme every topic is in. */
    public static final Node TOPICS = lg("topics");
    public static final Node OWL_SAME_AS = iri("http://www.w3.org/2002/07/owl#sameAs");

    // reused terms
    public static final Node TYPE = RDF.type.asNode();
    public static final Node SEE_ALSO = RDFS.seeAlso.asNode();
    public static final Node DCT_TITLE = iri(DCT + "title");
    public static final Node DCT_SOURCE = iri(DCT + "source");
    public static final Node DCT_LICENSE = iri(DCT + "license");
    public static final Node DCT_DESCRIPTION = iri(DCT + "description");
    public static final Node DCT_DATE = iri(DCT + "date");
    public static final Node DCT_CREATOR = iri(DCT + "creator");
    public static final Node DCT_SUBJECT = iri(DCT + "subject");
    public static final Node DCT_HAS_PART = iri(DCT + "hasPart");
    public static final Node DCT_IS_PART_OF = iri(DCT + "isPartOf");
    public static final Node DCT_RELATION = iri(DCT + "relation");
    public static final Node SCHEMA_ITEM = iri(SCHEMA + "item");
    public static final Node SCHEMA_POSITION = iri(SCHEMA + "position");
    public static final Node SCHEMA_URL = iri(SCHEMA + "url");
    public static final Node SCHEMA_CREATIVE_WORK_SERIES = iri(SCHEMA + "CreativeWorkSeries");
    public static final Node SCHEMA_NUMBER_OF_ITEMS = iri(SCHEMA + "numberOfItems");
    public static final Node SCHEMA_AFFILIATION = iri(SCHEMA + "affiliation");
    public static final Node FOAF_AGENT = iri(FOAF + "Agent");
    public static final Node FOAF_ORGANIZATION = iri(FOAF + "Organization");
    public static final Node FOAF_PERSON = iri(FOAF + "Person");
    public static final Node FOAF_ONLINE_ACCOUNT = iri(FOAF + "OnlineAccount");
    public static final Node FOAF_NAME = iri(FOAF + "name");
    public static final Node FOAF_NICK = iri(FOAF + "nick");
    public static final Node FOAF_ACCOUNT = iri(FOAF + "account");
    public static final Node FOAF_ACCOUNT_NAME = iri(FOAF + "accountName");
    public static final Node FOAF_ACCOUNT_SERVICE_HOMEPAGE = iri(FOAF + "accountServiceHomepage");
    public static final Node FOAF_HOMEPAGE = iri(FOAF + "homepage");
    public static final Node SKOS_PREF_LABEL = iri(SKOS + "prefLabel");
    public static final Node SKOS_ALT_LABEL = iri(SKOS + "altLabel");
    public static final Node SKOS_IN_SCHEME = iri(SKOS + "inScheme");
    public static final Node SKOS_BROADER = iri(SKOS + "broader");
    public static final Node PROV_WAS_REVISION_OF = iri(PROV + "wasRevisionOf");
    public static final Node PROV_ACTIVITY = iri(PROV + "Activity");
    public static final Node PROV_AGENT = iri(PROV + "Agent");
    public static final Node PROV_ENDED_AT_TIME = iri(PROV + "endedAtTime");
    public static final Node PROV_WAS_ASSOCIATED_WITH = iri(PROV + "wasAssociatedWith");
    public static final Node RDFS_LABEL = RDFS.label.asNode();

    private Vocab() {
    }

    /** A term of the lg: namespace. */
    public static Node lg(String localName) {
        return NodeFactory.createURI(LG + localName);
    }

    private static Node iri(String iri) {
        return NodeFactory.createURI(iri);
    }

    /** The prefixes every output uses, plus the instance base as {@code id:}. */
    public static PrefixMapping prefixes(String base) {
        PrefixMapping pm = PrefixMapping.Factory.create();
        pm.setNsPrefix("lg", LG);
        pm.setNsPrefix("dct", DCT);
        pm.setNsPrefix("foaf", FOAF);
        pm.setNsPrefix("skos", SKOS);
        pm.setNsPrefix("schema", SCHEMA);
        pm.setNsPrefix("prov", PROV);
        pm.setNsPrefix("rdf", RDF.getURI());
        pm.setNsPrefix("rdfs", RDFS.getURI());
        pm.setNsPrefix("xsd", XSD.NS);
        pm.setNsPrefix("id", base);
        return pm;
    }
}
