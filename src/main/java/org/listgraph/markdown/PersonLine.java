package org.listgraph.markdown;

import org.listgraph.entry.Account;
import org.listgraph.entry.Author;
import org.listgraph.entry.Link;
import org.listgraph.entry.LinkRole;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a line that names a person over their works: {@code [Jon Langemak](homepage) on [github](…)},
 * {@code [Thomas Graf](github), [linkedin](…), [cilium.io](…)}, {@code [Vincent Bernat](…) and his [network-lab](…)}.
 * Service links become accounts, domain-named links affiliations, other links works of the person.
 */
final class PersonLine {
    private static final Pattern NAME = Pattern.compile(
            "^\\p{Lu}[\\p{L}\\p{M}'’.-]+(?:\\s+(?:\\p{Lu}[\\p{L}\\p{M}'’.-]*|van|von|de|der|den|da|di|del|le|la|du)){1,3}$");
    private static final Pattern JOINERS = Pattern.compile("(?i)^[\\s,;.()&]*+(?:(?:on|and|his|her|their|at|with|also)\\b[\\s,;.()&]*+)*+$");
    /** Possessive labels each ending in a dot, then the TLD: the same names as labels joined by dots, without backtracking. */
    private static final Pattern DOMAIN = Pattern.compile("(?i)^(?:[a-z0-9-]++\\.)++[a-z]{2,}+$");

    private PersonLine() {
    }

    /**
     * The people and their works, or empty when the line does not read as a person line. A person
     * needs evidence beyond a name: a profile link (github.com/handle) or a service link on the line
     * ("on [github](…)", "[linkedin](…)"), so "[Project Calico](…)" over nested items stays a resource.
     */
    static List<EntryDraft> read(List<Token> tokens, int first, EntryReader reader) {
        Token.Link head = (Token.Link) tokens.get(first);
        if (!NAME.matcher(head.text().strip()).matches()) return List.of();
        boolean evidence = ProfileLinks.account(head.url()).isPresent();
        for (int i = first + 1; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t instanceof Token.Text text && !JOINERS.matcher(text.text()).matches()) return List.of();
            if (t instanceof Token.Link l && (AuthorParser.isServiceWord(l.text()) || ProfileLinks.account(l.url()).isPresent())) evidence = true;
        }
        if (!evidence) return List.of();
        List<Author> people = new ArrayList<>();
        List<Token.Link> works = new ArrayList<>();
        for (int i = first; i < tokens.size(); i++) {
            if (!(tokens.get(i) instanceof Token.Link l)) continue;
            boolean web = reader.usable(l);
            Optional<Account> account = web ? ProfileLinks.account(l.url()) : Optional.empty();
            if (NAME.matcher(l.text().strip()).matches() && (account.isPresent() || i == first)) {
                // "[Ann Lee](…) and [Bob Ray](…)": every named link starts a person of its own.
                people.add(new Author(l.text().strip(), account.map(List::of).orElse(List.of()),
                        account.isPresent() || !web ? null : l.url(), List.of()));
            } else if (!web) {
                continue;
            } else if (account.isPresent()) {
                people.set(people.size() - 1, people.get(people.size() - 1).withAccount(account.get()));
            } else if (AuthorParser.isServiceWord(l.text())) {
                people.set(people.size() - 1, people.get(people.size() - 1).withHomepage(l.url()));
            } else if (DOMAIN.matcher(l.text().strip()).matches()) {
                people.set(people.size() - 1, people.get(people.size() - 1).withAffiliation(l.text().strip()));
            } else {
                works.add(l);
            }
        }
        int offset = tokens.get(first).offset();
        SourceLines at = new SourceLines(reader, offset, tokens.get(tokens.size() - 1).offset());
        List<EntryDraft> drafts = new ArrayList<>();
        String names = String.join(", ", people.stream().map(Author::name).toList());
        drafts.add(new EntryDraft(EntryDraft.Shape.PERSON, offset, names, head.raw(), List.of(), null, List.copyOf(people),
                null, false, null, at.first(), at.last()));
        for (Token.Link w : works) {
            Link link = new Link(w.url(), w.text(), LinkRole.MAIN, reader.position(w.offset()));
            drafts.add(new EntryDraft(EntryDraft.Shape.ENTRY, w.offset(), w.text().strip(), w.raw(), List.of(link), null,
                    List.copyOf(people), null, false, null, at.first(), at.last()));
        }
        return drafts;
    }

    /** First and last line of the person line. */
    private record SourceLines(int first, int last) {
        SourceLines(EntryReader reader, int from, int to) {
            this(reader.position(from).line(), reader.position(to).line());
        }
    }
}
