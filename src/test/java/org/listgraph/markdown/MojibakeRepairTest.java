package org.listgraph.markdown;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Double-encoded UTF-8 is repaired; correct text, however unusual, is left alone. */
class MojibakeRepairTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Load balancing ðŸŒŸ|Load balancing 🌟",
            "A Practitionerâ€™s Guide|A Practitioner’s Guide",
            "Beginners â€” NodePort|Beginners — NodePort",
            "Jaana Dogan ãƒ¤ãƒŠ ãƒ‰ã‚¬ãƒ³|Jaana Dogan ヤナ ドガン",
            "CafÃ© crÃ¨me|Café crème",
            "Ð¿Ñ€Ð¸Ð²ÐµÑ‚ Ð¼Ð¸Ñ€|привет мир",
            "ðŸ§µ thread ðŸ‘‡|🧵 thread 👇",
    })
    void repairsDoubleEncodedText(String broken, String repaired) {
        assertEquals(repaired, MojibakeRepair.repair(broken).text());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Ich weiß“ und „CAFÉ” and CAFÉ’s talk",
            "Price 3×° and Ø…",
            "Ralph Mönchmeyer, Træfik, “Magic”, Administration—Cluster",
            "ヤナ ドガン, привет, αβγ, 🌟",
            "SÃO PAULO and Â alone",
            "résumé — naïve façade ©®™ 20℃ 360°",
    })
    void leavesCorrectTextAlone(String text) {
        MojibakeRepair.Result r = MojibakeRepair.repair(text);
        assertEquals(text, r.text());
        assertEquals(0, r.repaired());
    }
}
