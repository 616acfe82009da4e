package org.listgraph.entry;

/** What a link in an entry stands for. */
public enum LinkRole {
    /** The resource itself (usually the first link, on the title). */
    MAIN,
    /** A recording of a talk ({@code [recording](…)}, {@code [video](…)}). */
    RECORDING,
    /** The slides of a talk ({@code [slides](…)}). */
    SLIDES,
    /** Another link in the entry that is neither the resource nor an author. */
    RELATED
}
