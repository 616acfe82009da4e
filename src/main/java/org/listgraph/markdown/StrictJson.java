package org.listgraph.markdown;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.listgraph.entry.BadInputException;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the project's JSON files (manifest, kind rules, overrides) strictly: duplicate keys and
 * trailing text are errors, and every error is one line with {@code file:line:col}.
 */
public final class StrictJson {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StrictJson() {
    }

    /** The parsed document; {@code what} names the file's role in messages ("manifest", "kind rules"). */
    public static JsonNode read(InputStream in, String source, String what) {
        try {
            return JSON.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new BadInputException(source + ":" + (loc == null ? 1 : loc.getLineNr()) + ":" + (loc == null ? 1 : loc.getColumnNr())
                    + ": error: " + what + " is not valid JSON (" + e.getOriginalMessage() + "); fix the syntax");
        } catch (IOException e) {
            throw new BadInputException(source + ": error: cannot read the " + what + " (" + e.getMessage() + ")");
        }
    }
}
