package org.listgraph.export;

import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.riot.Lang;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The registry of formats for SELECT and ASK results. */
public enum ResultFormat {
    TABLE("table", null),
    CSV("csv", ResultSetLang.RS_CSV),
    TSV("tsv", ResultSetLang.RS_TSV),
    JSON("json", ResultSetLang.RS_JSON),
    XML("xml", ResultSetLang.RS_XML);

    private final String name;
    private final Lang lang;

    ResultFormat(String name, Lang lang) {
        this.name = name;
        this.lang = lang;
    }

    public String formatName() {
        return name;
    }

    public static Optional<ResultFormat> byName(String name) {
        return Arrays.stream(values()).filter(f -> f.name.equalsIgnoreCase(name.strip())).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(ResultFormat::formatName).collect(Collectors.joining(", "));
    }

    /**
     * Writes SELECT results; the table form, meant for a terminal, abbreviates IRIs with
     * {@code prefixes} and shows control characters as escapes ({@link VisibleControls}; the other forms carry values
     * as they are, escaped as their syntax requires).
     */
    public void write(ResultSet rs, PrefixMapping prefixes, OutputStream out) {
        if (lang == null) {
            VisibleControls visible = new VisibleControls(out);
            ResultSetFormatter.out(visible, rs, prefixes);
            flush(visible);
        } else {
            ResultSetMgr.write(out, rs, lang);
        }
    }

    private static void flush(OutputStream out) {
        try {
            out.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Writes an ASK result. */
    public void write(boolean answer, OutputStream out) {
        if (lang == null) ResultSetFormatter.out(out, answer);
        else ResultSetMgr.write(out, answer, lang);
    }
}
