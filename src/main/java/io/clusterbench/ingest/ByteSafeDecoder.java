package io.clusterbench.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes bytes to characters, a bad byte sequence becoming U+FFFD (which the row parser turns into
 * ENCODING_ERROR for its row), one byte at a time. Java's own replacement takes a malformed sequence whole, and
 * its GB18030 decoder counts an ASCII byte after a lead byte into it ({@code B7 33 0A} is one U+FFFD, the line
 * feed gone): lines would merge and line numbers drift from the bytes the first pass counted. Here every byte
 * below 0x80 comes through as itself, so quotes, separators and line breaks are where the first pass saw them.
 */
final class ByteSafeDecoder extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private boolean eof;

    ByteSafeDecoder(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip(); // empty, ready to be read from
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (true) {
            CoderResult r = decoder.decode(bytes, out, eof);
            if (r.isError()) {
                if (!out.hasRemaining()) {
                    break; // the characters so far fill the caller's buffer; the bad byte waits for the next call
                }
                out.put('\uFFFD');
                bytes.position(bytes.position() + 1);
                decoder.reset();
            } else if (r.isOverflow() || out.position() > off) {
                break;
            } else if (eof) {
                return -1; // underflow at the end: every byte decoded
            } else {
                fill();
            }
        }
        return out.position() - off;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
