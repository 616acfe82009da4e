package org.listgraph.markdown;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Repairs text that was UTF-8, read as Windows-1252 and saved again as UTF-8 ({@code ðŸŒŸ} for 🌟,
 * {@code â€™} for ’, {@code ãƒ¤ãƒŠ} for ヤナ). Only a complete, valid UTF-8 sequence spelled in
 * Windows-1252 characters is replaced, so correct text ("Mönchmeyer", "Træfik", “quotes”) is
 * never touched: a lone é or ’ is not the first of such a sequence.
 */
final class MojibakeRepair {
    /** Windows-1252 bytes 0x80–0x9F and the characters they stand for (undefined ones map to the C1 control). */
    private static final Map<Character, Integer> CP1252 = new HashMap<>();

    static {
        String high = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
        for (int i = 0; i < high.length(); i++) CP1252.put(high.charAt(i), 0x80 + i);
        for (int b = 0xA0; b <= 0xFF; b++) CP1252.put((char) b, b);
    }

    /** The repaired text and how many mojibake runs were replaced, and where the first one was. */
    record Result(String text, int repaired, int firstOffset) {
    }

    private MojibakeRepair() {
    }

    static Result repair(String text) {
        StringBuilder out = null;
        int repaired = 0;
        int first = -1;
        int i = 0;
        int copiedUpTo = 0;
        boolean inRun = false;
        while (i < text.length()) {
            int len = sequenceAt(text, i);
            if (len > 0) {
                String decoded = decode(text, i, len);
                if (decoded != null) {
                    if (out == null) out = new StringBuilder(text.length());
                    out.append(text, copiedUpTo, i).append(decoded);
                    if (!inRun) {
                        repaired++;
                        if (first < 0) first = i;
                    }
                    inRun = true;
                    i += len;
                    copiedUpTo = i;
                    continue;
                }
            }
            inRun = false;
            i++;
        }
        if (out == null) return new Result(text, 0, -1);
        out.append(text, copiedUpTo, text.length());
        return new Result(out.toString(), repaired, first);
    }

    /** Length in chars of a UTF-8 lead byte plus its continuation bytes spelled as Windows-1252 at {@code i}, or 0. */
    private static int sequenceAt(String s, int i) {
        Integer lead = CP1252.get(s.charAt(i));
        if (lead == null || lead < 0xC2 || lead > 0xF4) return 0;
        int n = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
        for (int k = 1; k <= n; k++) {
            if (i + k >= s.length()) return 0;
            Integer b = CP1252.get(s.charAt(i + k));
            if (b == null || b < 0x80 || b > 0xBF) return 0;
        }
        return n + 1;
    }

    private static String decode(String s, int i, int len) {
        byte[] bytes = new byte[len];
        for (int k = 0; k < len; k++) bytes[k] = (byte) (int) CP1252.get(s.charAt(i + k));
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
