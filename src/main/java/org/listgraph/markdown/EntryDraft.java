package org.listgraph.markdown;

import org.listgraph.entry.Author;
import org.listgraph.entry.Link;

import java.util.List;

/** What one line of a list says, before it is placed in the list (index, parent, section). */
record EntryDraft(int offset, String title, String label, List<Link> links, String description,
                  List<Author> authors, String date, boolean featured, String site, int firstLine, int lastLine) {
}
