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

    /**
     * A blockquote's opening tag up to its '>' (or the end), possessively: a search goes on from its end, so
     * thousands of unclosed "&lt;blockquote" are read once, not each to the end of the block.
     */
    private static final Pattern BLOCKQUOTE_OPEN = Pattern.compile("(?i)<blockquote([^>]*+)");

    /**
     * One draft per embedded tweet; {@code offset} is where the block starts in the file. A tweet
     * without an http(s) link to it is reported, not read; so is a date that cannot be read.
     */
    static List<EntryDraft> read(String html, int offset, EntryReader reader) {
        List<EntryDraft> drafts = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        Matcher open = BLOCKQUOTE_OPEN.matcher(html);
        while (open.find()) {
            if (open.group(1).toLowerCase(java.util.Locale.ROOT).contains("twitter-tweet")) starts.add(offset + open.start());
        }
        int n = 0;
        for (Element quote : Jsoup.parseBodyFragment(html).select("blockquote.twitter-tweet")) {
            int at = n < starts.size() ? starts.get(n) : offset;
            n++;
            Element p = quote.selectFirst("p");
            Element dateLink = quote.select("> a[href]").last();
            String url = dateLink == null ? "" : dateLink.attr("href").strip();
            if (p == null || !EntryReader.isWebUrl(url)) {
                reader.warn(at, "tweet without " + (p == null ? "text" : "an http(s) link to it") + ", not read as an entry");
                continue;
            }
            // wholeText() keeps <br> as a line break; <br><br> is a paragraph break.
            String text = p.wholeText().replaceAll("[ \\t]+", " ").replaceAll(" *\\n *", "\n").replaceAll("\n{3,}", "\n\n").strip();
            Matcher sig = SIGNATURE.matcher(quote.ownText().strip());
            List<Author> authors = new ArrayList<>();
            if (sig.matches()) {
                String name = sig.group(1).isBlank() ? null : sig.group(1);
                authors.add(new Author(name, List.of(new Account("twitter", "https://twitter.com/", sig.group(2))), null, List.of()));
            } else {
                reader.warn(at, "tweet without a '— Name (@handle)' line, read without an author");
            }
            String date = null;
            try {
                date = LocalDate.parse(dateLink.text().strip(), TWITTER_DATE).toString();
            } catch (DateTimeParseException e) {
                reader.warn(at, "tweet date '" + dateLink.text().strip() + "' is not like 'November 10, 2021', read without a date");
            }
            String title = firstWords(TitleCleaner.withoutSymbols(text.lines().filter(l -> !l.isBlank()).findFirst().orElse(url)).strip());
            if (title.isEmpty()) title = url;
            Link link = new Link(url, dateLink.text(), LinkRole.MAIN, reader.position(at));
            int line = reader.position(at).line();
            drafts.add(new EntryDraft(EntryDraft.Shape.ENTRY, at, title, null, List.of(link), text, authors, date,
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
