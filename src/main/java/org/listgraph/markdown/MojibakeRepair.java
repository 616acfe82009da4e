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

    /** The repaired text, how many mojibake runs were replaced, where the first was and what it became. */
    record Result(String text, int repaired, int firstOffset, String firstExample) {
    }

    private MojibakeRepair() {
    }

    static Result repair(String text) {
        StringBuilder out = null;
        int repaired = 0;
        int first = -1;
        String example = null;
        int i = 0;
        int copiedUpTo = 0;
        while (i < text.length()) {
            int end = acceptedRunEnd(text, i);
            if (end > i) {
                String decoded = decodeRun(text, i, end);
                if (out == null) out = new StringBuilder(text.length());
                out.append(text, copiedUpTo, i).append(decoded);
                repaired++;
                if (first < 0) {
                    first = i;
                    example = "'" + text.substring(i, end) + "' → '" + decoded + "'";
                }
                i = end;
                copiedUpTo = i;
                continue;
            }
            i++;
        }
        if (out == null) return new Result(text, 0, -1, null);
        out.append(text, copiedUpTo, text.length());
        return new Result(out.toString(), repaired, first, example);
    }

    /**
     * The end of a run of mojibake starting at {@code i}, or {@code i} when there is none to repair.
     * Three- and four-byte sequences (â€™, ðŸŒŸ) are repaired alone: three or four such characters in a
     * row do not occur in real text. Two-byte sequences are risky ("weiß“" spells a valid sequence),
     * so they count only with the leads Â and Ã (Latin-1 text), or in runs of two or more decoding to
     * the same script (Cyrillic "Ð¿Ñ€" for "пр").
     */
    private static int acceptedRunEnd(String s, int i) {
        int end = i;
        int twoByteCount = 0;
        boolean latin1OrLong = true;
        Character.UnicodeScript script = null;
        while (end < s.length()) {
            int len = sequenceAt(s, end);
            if (len == 0) break;
            String decoded = decodeRun(s, end, end + len);
            if (decoded == null) break;
            if (len == 2) {
                int lead = CP1252.get(s.charAt(end));
                Character.UnicodeScript sc = Character.UnicodeScript.of(decoded.codePointAt(0));
                if (lead != 0xC2 && lead != 0xC3) {
                    latin1OrLong = false;
                    if (script != null && script != sc) break;
                    script = sc;
                }
                twoByteCount++;
            }
            end += len;
        }
        if (end == i) return i;
        if (!latin1OrLong && twoByteCount < 2) return i;
        return end;
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

    private static String decodeRun(String s, int from, int to) {
        byte[] bytes = new byte[to - from];
        for (int k = 0; k < bytes.length; k++) bytes[k] = (byte) (int) CP1252.get(s.charAt(from + k));
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
