package org.listgraph.markdown;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.listgraph.entry.Account;
import org.listgraph.entry.Author;
import org.listgraph.entry.Link;
import org.listgraph.entry.LinkRole;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the tweets embedded in an HTML block ({@code <blockquote class="twitter-tweet">}): the
 * text, the author's name and handle, the date and the status URL become an entry each.
 */
final class TweetReader {
    private static final Pattern SIGNATURE = Pattern.compile("^[—–-]\\s*(.*?)\\s*\\(@([A-Za-z0-9_]{1,15})\\)\\s*$");
    private static final DateTimeFormatter TWITTER_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
    private static final int TITLE_LENGTH = 100;

    private TweetReader() {
    }

    /** Whether an HTML block holds tweet embeds. */
    static boolean hasTweets(String html) {
        return html.contains("twitter-tweet");
    }

    /** One draft per embedded tweet; {@code offset} is where the block starts in the file. */
    static List<EntryDraft> read(String html, int offset, EntryReader reader) {
        List<EntryDraft> drafts = new ArrayList<>();
        for (Element quote : Jsoup.parseBodyFragment(html).select("blockquote.twitter-tweet")) {
            Element p = quote.selectFirst("p");
            Element dateLink = quote.select("> a[href]").last();
            if (p == null || dateLink == null) continue;
            // wholeText() keeps <br> as a line break; <br><br> is a paragraph break.
            String text = p.wholeText().replaceAll("[ \\t]+", " ").replaceAll(" *\\n *", "\n").replaceAll("\n{3,}", "\n\n").strip();
            String url = dateLink.attr("href");
            Matcher sig = SIGNATURE.matcher(quote.ownText().strip());
            List<Author> authors = new ArrayList<>();
            if (sig.matches()) {
                String name = sig.group(1).isBlank() ? null : sig.group(1);
                authors.add(new Author(name, List.of(new Account("twitter", "https://twitter.com/", sig.group(2))), null, List.of()));
            }
            String date = null;
            try {
                date = LocalDate.parse(dateLink.text().strip(), TWITTER_DATE).toString();
            } catch (DateTimeParseException e) {
                // a tweet without a readable date still counts
            }
            String title = firstWords(TitleCleaner.withoutSymbols(text.lines().filter(l -> !l.isBlank()).findFirst().orElse(url)).strip());
            if (title.isEmpty()) title = url;
            Link link = new Link(url, dateLink.text(), LinkRole.MAIN, reader.position(offset));
            int line = reader.position(offset).line();
            drafts.add(new EntryDraft(EntryDraft.Shape.ENTRY, offset, title, null, List.of(link), text, authors, date,
                    false, null, line, line));
        }
        return drafts;
    }

    /** At most {@value TITLE_LENGTH} characters, cut at a word, with an ellipsis when cut. */
    private static String firstWords(String s) {
        if (s.length() <= TITLE_LENGTH) return s;
        int cut = s.lastIndexOf(' ', TITLE_LENGTH);
        return s.substring(0, cut > 40 ? cut : TITLE_LENGTH).strip() + "…";
    }
}
