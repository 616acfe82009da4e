package org.listgraph.entry;

import java.util.List;
import java.util.Objects;

/**
 * An author as an entry names it: a display name and/or accounts, an optional homepage and
 * affiliation. At least a name or one account is present.
 */
public record Author(String name, List<Account> accounts, String homepage, String affiliation) {
    public Author {
        accounts = List.copyOf(Objects.requireNonNull(accounts, "accounts"));
        if ((name == null || name.isBlank()) && accounts.isEmpty()) {
            throw new IllegalArgumentException("an author needs a name or an account");
        }
    }

    /** A copy with one more account (for {@code [Name](…)([github](…))}). */
    public Author withAccount(Account account) {
        if (accounts.contains(account)) return this;
        var more = new java.util.ArrayList<>(accounts);
        more.add(account);
        return new Author(name, more, homepage, affiliation);
    }
}
