package org.listgraph.export;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.serialization.QuadsToJsonld;
import com.apicatalog.rdf.api.RdfConsumerException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON-LD compacted with listgraph's published context ({@code ontology/context.jsonld}),
 * so keys read {@code title}, {@code creator}, {@code listedIn} instead of full IRIs. The context is
 * embedded, so the file needs no network to be read. Input triples are sorted, so bytes are stable.
 */
final class JsonLdWriter {
    private static final String CONTEXT = "ontology/context.jsonld";

    private JsonLdWriter() {
    }

    static void write(List<Triple> sortedTriples, OutputStream out) {
        try {
            QuadsToJsonld rdf = JsonLd.fromRdf().useNativeTypes(false);
            for (Triple t : sortedTriples) {
                Node o = t.getObject();
                if (o.isLiteral()) {
                    String lang = o.getLiteralLanguage();
                    rdf.quad(term(t.getSubject()), t.getPredicate().getURI(), o.getLiteralLexicalForm(),
                            lang.isEmpty() ? o.getLiteralDatatypeURI() : "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString",
                            lang.isEmpty() ? null : lang, null, null);
                } else {
                    rdf.quad(term(t.getSubject()), t.getPredicate().getURI(), term(o), null, null, null, null);
                }
            }
            JsonStructure context;
            try (InputStream in = JsonLdWriter.class.getClassLoader().getResourceAsStream(CONTEXT)) {
                if (in == null) throw new IllegalStateException(CONTEXT + " is missing from the jar");
                context = Json.createReader(in).read();
            }
            JsonObject compacted = JsonLd.compact(JsonDocument.of(rdf.toJsonLd()), JsonDocument.of(context)).get();
            JsonWriter w = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out);
            w.write(compacted);
            out.write('\n');
            out.flush();
        } catch (JsonLdError | RdfConsumerException e) {
            throw new IllegalStateException("JSON-LD could not be written: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String term(Node n) {
        return n.isBlank() ? "_:" + n.getBlankNodeLabel() : n.getURI();
    }
}
