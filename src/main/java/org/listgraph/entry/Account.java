package org.listgraph.entry;

import java.util.Objects;

/** A handle on an online service, e.g. {@code github.com/thockin}. */
public record Account(String service, String serviceHomepage, String name) {
    public Account {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(serviceHomepage, "serviceHomepage");
        if (name == null || name.isBlank()) throw new IllegalArgumentException("account name is empty");
    }
}
