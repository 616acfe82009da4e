package org.listgraph.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A query shipped in {@code ontology/queries/NAME.rq}, with the title and parameters its header comments declare. */
public record SavedQuery(String name, String title, String description, List<Parameter> parameters, String text) {
    private static final Pattern HEADER = Pattern.compile("^#\\s*(title|description|param):\\s*(.*)$");
    private static final Pattern PARAM = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\s*(?:[—–-]+\\s*(.*))?$");

    /** A parameter: the query variable it binds and what to pass. */
    public record Parameter(String name, String help) {
    }

    public SavedQuery {
        Objects.requireNonNull(name);
        Objects.requireNonNull(text);
        parameters = List.copyOf(parameters);
    }

    /** Reads the header comments ({@code # title:}, {@code # description:}, {@code # param: name — help}). */
    public static SavedQuery parse(String name, String text) {
        String title = name;
        StringBuilder description = new StringBuilder();
        List<Parameter> params = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = HEADER.matcher(line.strip());
            if (!m.matches()) continue;
            switch (m.group(1)) {
                case "title" -> title = m.group(2).strip();
                case "description" -> description.append(description.length() > 0 ? " " : "").append(m.group(2).strip());
                default -> {
                    Matcher p = PARAM.matcher(m.group(2).strip());
                    if (p.matches()) params.add(new Parameter(p.group(1), p.group(2) == null ? "" : p.group(2).strip()));
                }
            }
        }
        return new SavedQuery(name, title, description.toString(), params, text);
    }
}
