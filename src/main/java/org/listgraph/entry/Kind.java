package org.listgraph.entry;

/** What a resource is; each kind is a subclass of {@code lg:Resource} named {@code lg:<localName>}. */
public enum Kind {
    // Declared from most to least specific: when entries disagree, the earlier kind wins.
    TALK("Talk"), PODCAST("Podcast"), SOCIAL_POST("SocialPost"), DISCUSSION("Discussion"), SPECIFICATION("Specification"),
    BOOK("Book"), COURSE("Course"), PAPER("Paper"), CURATED_LIST("CuratedList"), VIDEO("Video"), SOFTWARE("Software"),
    DOCUMENTATION("Documentation"), ARTICLE("Article"), WEBSITE("Website");

    private final String localName;

    Kind(String localName) {
        this.localName = localName;
    }

    /** The class's local name in the lg: namespace. */
    public String localName() {
        return localName;
    }
}
