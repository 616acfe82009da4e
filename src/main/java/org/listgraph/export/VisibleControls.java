package org.listgraph.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A UTF-8 stream for a terminal: control characters other than newline and tab (C0, DEL and C1,
 * such as ESC or BEL in a value from a remote endpoint) are written as a backslash, u and four hex digits, so an
 * answer cannot move the cursor, ring the bell or retitle the window.
 */
final class VisibleControls extends FilterOutputStream {
    private boolean afterC2; // the last byte was 0xC2, the lead byte of U+0080..U+00BF

    VisibleControls(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        b &= 0xFF;
        if (afterC2) {
            afterC2 = false;
            if (b >= 0x80 && b <= 0x9F) {
                escape(b); // a C1 control, U+0080..U+009F
                return;
            }
            out.write(0xC2);
        }
        if (b == 0xC2) {
            afterC2 = true;
        } else if ((b < 0x20 && b != '\n' && b != '\t') || b == 0x7F) {
            escape(b);
        } else {
            out.write(b);
        }
    }

    @Override
    public void write(byte[] bytes, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) write(bytes[i]);
    }

    @Override
    public void flush() throws IOException {
        if (afterC2) { // a lone lead byte at a flush: pass it on as it came
            afterC2 = false;
            out.write(0xC2);
        }
        out.flush();
    }

    private void escape(int codePoint) throws IOException {
        out.write(String.format("\\u%04X", codePoint).getBytes(StandardCharsets.US_ASCII));
    }
}
