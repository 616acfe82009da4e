package org.listgraph.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a synthetic corpus of lists shaped like the seeds: the entry shapes in realistic
 * proportions, URLs shared across lists, authors with handles on several services, topics shared
 * by headings, and some mojibake and malformed lines. The same seed gives the same bytes.
 */
public final class CorpusGenerator {
    private static final String[] WORDS = ("kubernetes networking container cni ebpf service mesh ingress load balancer dns policy "
            + "calico cilium flannel overlay vxlan bridge namespace iptables ipvs proxy gateway envoy istio linkerd routing bgp "
            + "tunnel packet socket performance security observability tracing debugging cluster node pod deep dive guide "
            + "introduction understanding building scaling operating production lessons internals explained practical").split(" ");
    private static final String[] TOPICS = ("CNI|eBPF|Service Mesh|Ingress|DNS|Network Policy|Load Balancing|Overlay Networks|"
            + "Kubernetes Networking|Observability|Security|Performance|Linux Networking|IPv6|Multi-Cluster|Gateway API").split("\\|");
    private static final String[] FIRST = "Tim Liz Jon Mark Ralph Vincent Antonio Arun Laurent Ivan Ana Maria Chen Priya Sam Kai".split(" ");
    private static final String[] LAST = "Hockin Rice Langemak Betz Meyer Bernat Ojea Sriraman Bernaille Pepelnjak Silva Garcia Wei Raman Lee Berg".split(" ");
    private static final String[] SITES = {"medium.com", "dev.to", "blog.example.io", "kubernetes.io", "cilium.io", "tigera.io", "learnk8s.io"};

    private final Random random;
    private final int lists;
    private final int entries;

    public CorpusGenerator(int lists, int entries, long seed) {
        if (lists < 1 || entries < lists) throw new IllegalArgumentException("need at least one list and one entry per list");
        this.lists = lists;
        this.entries = entries;
        this.random = new Random(seed);
    }

    private record Author(String name, String handle, boolean speakerdeck, boolean medium) {
    }

    private record Work(String title, String url, Author author) {
    }

    /** Writes {@code lists} Markdown files and their lists.json into {@code dir}; returns the number of entries written. */
    public int write(Path dir) {
        try {
            Files.createDirectories(dir);
            List<Author> authors = new ArrayList<>();
            for (int i = 0; i < Math.max(20, entries / 40); i++) {
                String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
                String handle = (name.charAt(0) + name.substring(name.indexOf(' ') + 1)).toLowerCase(Locale.ROOT) + i;
                authors.add(new Author(name, handle, random.nextInt(3) == 0, random.nextInt(4) == 0));
            }
            // A pool of works that several lists pick, as curated lists share their classics.
            List<Work> shared = new ArrayList<>();
            for (int i = 0; i < Math.max(10, entries / 20); i++) shared.add(newWork(authors, "shared-" + i));
            StringBuilder manifest = new StringBuilder("{\n  \"lists\": [\n");
            int written = 0;
            for (int l = 0; l < lists; l++) {
                int count = entries / lists + (l < entries % lists ? 1 : 0);
                String id = String.format(Locale.ROOT, "list-%05d", l);
                String file = id + ".md";
                written += writeList(dir.resolve(file), l, count, authors, shared);
                manifest.append("    {\"id\": \"").append(id).append("\", \"title\": \"Synthetic list ").append(l).append("\", \"file\": \"")
                        .append(file).append("\", \"license\": \"CC0-1.0\"}").append(l + 1 < lists ? ",\n" : "\n");
            }
            manifest.append("  ]\n}\n");
            Files.writeString(dir.resolve("lists.json"), manifest.toString(), StandardCharsets.UTF_8);
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Work newWork(List<Author> authors, String key) {
        Author a = authors.get(random.nextInt(authors.size()));
        String site = SITES[random.nextInt(SITES.length)];
        return new Work(title(), "https://" + site + "/" + a.handle() + "/" + key + "-" + Integer.toString(random.nextInt(1 << 20), 36), a);
    }

    private String title() {
        int n = 3 + random.nextInt(6);
        StringBuilder t = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String w = WORDS[random.nextInt(WORDS.length)];
            if (i > 0) t.append(' ');
            t.append(i == 0 || random.nextInt(3) == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
        }
        return t.toString();
    }

    private String byline(Author a) {
        return switch (random.nextInt(4)) {
            case 0 -> " by [" + a.handle() + "](https://github.com/" + a.handle() + ")";
            case 1 -> " by [" + a.name() + "](https://medium.com/@" + a.handle() + ")([github](https://github.com/" + a.handle() + "))";
            case 2 -> a.speakerdeck() ? " by [" + a.handle() + "](https://speakerdeck.com/" + a.handle() + ")" : " by " + a.name() + " of Acme";
            default -> " by [" + a.name() + "](https://twitter.com/" + a.handle() + ")";
        };
    }

    private int writeList(Path file, int index, int count, List<Author> authors, List<Work> shared) throws IOException {
        StringBuilder md = new StringBuilder("# Synthetic List ").append(index).append("\n\n");
        int written = 0;
        int local = 0;
        while (written < count) {
            if (written % 25 == 0) md.append("\n## ").append(TOPICS[random.nextInt(TOPICS.length)]).append("\n\n");
            Work w = random.nextInt(10) < 3 ? shared.get(random.nextInt(shared.size())) : newWork(authors, "l" + index + "-" + local++);
            int shape = random.nextInt(100);
            String date = String.format(Locale.ROOT, "%d-%02d-%02d", 2015 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28));
            if (shape < 40) {
                md.append("- [").append(w.title()).append("](").append(w.url()).append(")\n");
            } else if (shape < 55) {
                md.append("- [").append(w.title()).append("](").append(w.url()).append("): ").append(title().toLowerCase(Locale.ROOT))
                        .append(byline(w.author())).append('\n');
            } else if (shape < 65) {
                md.append("* ").append(date).append(": [").append(w.title()).append("](").append(w.url()).append(")").append(byline(w.author()))
                        .append('\n');
            } else if (shape < 73) {
                md.append("- ").append(w.title()).append(", [slides](https://speakerdeck.com/").append(w.author().handle()).append("/")
                        .append(local++).append("), [recording](https://www.youtube.com/watch?v=").append(Integer.toString(random.nextInt(1 << 30), 36))
                        .append(")").append(byline(w.author())).append('\n');
            } else if (shape < 78) {
                md.append("* [").append(SITES[random.nextInt(SITES.length)]).append(": ").append(w.title()).append(" 🌟](").append(w.url())
                        .append(")\n");
            } else if (shape < 83 && written + 3 <= count) {
                md.append("- [").append(w.title()).append("](").append(w.url()).append(")").append(byline(w.author())).append('\n');
                for (int p = 1; p <= 2; p++) md.append("  - [Part ").append(p).append("](").append(w.url()).append("-part-").append(p).append(")\n");
                written += 2;
            } else if (shape < 86 && written + 3 <= count) {
                Author a = w.author();
                md.append("* [").append(a.name()).append("](https://").append(a.handle()).append(".example.net/) on [github](https://github.com/")
                        .append(a.handle()).append(")\n");
                for (int p = 0; p < 3; p++) {
                    md.append("  * ").append(date).append(": [").append(title()).append("](https://").append(a.handle()).append(".example.net/")
                            .append(local++).append(")\n");
                }
                written += 2;
            } else if (shape < 88) {
                md.append(random.nextBoolean() ? "- - [" : "[").append(w.title()).append("](").append(w.url()).append(")\n");
            } else if (shape < 89) {
                // UTF-8 read as Windows-1252 and saved again: the mojibake the repair step undoes.
                md.append("- [").append(w.title()).append(" ðŸŒŸ](").append(w.url()).append(")\n");
            } else {
                String description = title().toLowerCase(Locale.ROOT);
                md.append("- [").append(w.title()).append("](").append(w.url()).append(") - ")
                        .append(Character.toUpperCase(description.charAt(0))).append(description.substring(1)).append(".\n");
            }
            written++;
        }
        Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
        return written;
    }
}
