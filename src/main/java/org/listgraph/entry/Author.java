package org.listgraph.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An author as an entry names it: a display name and/or accounts, an optional homepage and the
 * organisations they are affiliated with. At least a name or one account is present.
 */
public record Author(String name, List<Account> accounts, String homepage, List<String> affiliations) {
    public Author {
        accounts = List.copyOf(Objects.requireNonNull(accounts, "accounts"));
        affiliations = List.copyOf(Objects.requireNonNull(affiliations, "affiliations"));
        if ((name == null || name.isBlank()) && accounts.isEmpty()) {
            throw new IllegalArgumentException("an author needs a name or an account");
        }
    }

    /** An author known only by name. */
    public static Author named(String name) {
        return new Author(name, List.of(), null, List.of());
    }

    /** A copy with one more account (for {@code [Name](…)([github](…))}). */
    public Author withAccount(Account account) {
        if (accounts.contains(account)) return this;
        List<Account> more = new ArrayList<>(accounts);
        more.add(account);
        return new Author(name, more, homepage, affiliations);
    }

    /** A copy with a homepage, unless it has one already. */
    public Author withHomepage(String url) {
        return homepage != null || url == null ? this : new Author(name, accounts, url, affiliations);
    }

    /** A copy with one more affiliation ({@code of Google}, a {@code [cilium.io](…)} link on a person line). */
    public Author withAffiliation(String organization) {
        if (affiliations.contains(organization)) return this;
        List<String> more = new ArrayList<>(affiliations);
        more.add(organization);
        return new Author(name, accounts, homepage, more);
    }
}
