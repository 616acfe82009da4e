package org.listgraph.serve;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import org.apache.jena.fuseki.servlets.CrossOriginFilter;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/**
 * Fuseki's CORS filter set up for a read-only endpoint: the given origins may query, only with the
 * methods that read (GET, POST for long queries, OPTIONS), and without cookies or credentials.
 */
final class ReadOnlyCors extends CrossOriginFilter {
    private final Map<String, String> settings;

    ReadOnlyCors(java.util.List<String> origins) {
        this.settings = Map.of(
            ALLOWED_ORIGINS_PARAM, String.join(",", origins),
            ALLOWED_METHODS_PARAM, "GET,POST,OPTIONS",
            ALLOWED_HEADERS_PARAM, "X-Requested-With,Content-Type,Accept,Origin",
            ALLOW_CREDENTIALS_PARAM, "false",
            PREFLIGHT_MAX_AGE_PARAM, "1800",
            EXPOSED_HEADERS_PARAM, "Content-Type,Content-Length,Content-Language,Cache-Control,Expires,Last-Modified,Pragma," + GuardedQueries.HEADER);
    }

    @Override
    public void init(FilterConfig given) throws ServletException {
        super.init(new FilterConfig() {
            @Override
            public String getFilterName() {
                return "listgraph-cors";
            }

            @Override
            public ServletContext getServletContext() {
                return given.getServletContext();
            }

            @Override
            public String getInitParameter(String name) {
                return settings.get(name);
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return Collections.enumeration(settings.keySet());
            }
        });
    }
}
