package org.listgraph.markdown;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProfileLinksTest {
    @ParameterizedTest
    @CsvSource({
            "https://github.com/thockin, github, https://github.com/, thockin",
            "https://twitter.com/thockin, twitter, https://twitter.com/, thockin",
            "https://medium.com/@branderlog, medium, https://medium.com/, branderlog",
            "https://www.linkedin.com/in/harmeetsahni/, linkedin, https://www.linkedin.com/, harmeetsahni",
            "https://speakerdeck.com/thockin, speakerdeck, https://speakerdeck.com/, thockin",
            "https://www.slideshare.net/ThomasGraf5, slideshare, https://slideshare.net/, ThomasGraf5"})
    void aProfileWrittenBackFromItsAccountReadsAsTheSameAccount(String written, String service, String home, String name) {
        var read = ProfileLinks.account(written).orElseThrow();
        assertEquals(service, read.service());
        assertEquals(home, read.serviceHomepage());
        assertEquals(name, read.name());
        assertEquals(read, ProfileLinks.account(ProfileLinks.profileUrl(read.serviceHomepage(), read.name())).orElseThrow());
    }
}
