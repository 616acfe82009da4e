package org.listgraph.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A query shipped in {@code ontology/queries/NAME.rq}, with the title and parameters its header comments declare. */
public record SavedQuery(String name, String title, String description, List<Parameter> parameters, String text,
                         java.util.Map<String, String> lookups) {
    private static final Pattern HEADER = Pattern.compile("^#\\s*(title|description|param|lookup):\\s*(.*)$");
    private static final Pattern LOOKUP = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*([a-z]+)\\s*$");
    private static final Pattern PARAM = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\s*(?:\\((xsd:[A-Za-z]+)\\)\\s*)?(?:[—–-]+\\s*(.*))?$");

    /**
     * A parameter: the query variable it binds, what to pass, and the XSD datatype its value must be written in
     * (e.g. {@code xsd:date}), or "" when any string goes.
     */
    public record Parameter(String name, String help, String datatype) {
        public Parameter {
            Objects.requireNonNull(name);
            help = help == null ? "" : help;
            datatype = datatype == null ? "" : datatype;
        }

        public Parameter(String name, String help) {
            this(name, help, "");
        }
    }

    public SavedQuery {
        Objects.requireNonNull(name);
        Objects.requireNonNull(text);
        parameters = List.copyOf(parameters);
        lookups = java.util.Map.copyOf(lookups);
    }

    /**
     * Reads the header comments ({@code # title:}, {@code # description:}, {@code # param: name — help} or
     * {@code # param: name (xsd:date) — help}, whose value is then checked before the query is sent, and
     * {@code # lookup: name = agents|topics|versions}, which says what a parameter names, so an empty answer can
     * suggest close values).
     */
    public static SavedQuery parse(String name, String text) {
        String title = name;
        StringBuilder description = new StringBuilder();
        List<Parameter> params = new ArrayList<>();
        java.util.Map<String, String> lookups = new java.util.TreeMap<>();
        for (String line : text.split("\n")) {
            Matcher m = HEADER.matcher(line.strip());
            if (!m.matches()) continue;
            switch (m.group(1)) {
                case "title" -> title = m.group(2).strip();
                case "description" -> description.append(description.length() > 0 ? " " : "").append(m.group(2).strip());
                case "lookup" -> {
                    Matcher l = LOOKUP.matcher(m.group(2).strip());
                    // Only the kinds Suggestions can list candidates for; one registry, so a new kind is added once.
                    if (l.matches() && Suggestions.kinds().contains(l.group(2))) lookups.put(l.group(1), l.group(2));
                }
                default -> {
                    Matcher p = PARAM.matcher(m.group(2).strip());
                    if (p.matches()) params.add(new Parameter(p.group(1), p.group(3) == null ? "" : p.group(3).strip(), p.group(2)));
                }
            }
        }
        return new SavedQuery(name, title, description.toString(), params, text, lookups);
    }
}
