package vn.portal.bridge.domain.model.encoding;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Objects;

/**
 * Streams a legacy-encoded input as NFC text with a fixed buffer, so a multi-gigabyte export costs the
 * same memory as a small one.
 *
 * <p>The buffer is decoded up to (not including) its last ASCII punctuation, space or digit; the rest waits
 * for more bytes. No supported encoding uses an ASCII byte inside a multi-byte letter, no VNI mark or
 * UTF-8 continuation is ASCII, an ASCII character never composes with what precedes it under NFC, and
 * a non-letter ends a word (TCVN3's capital restoration looks at whole words). So each piece decodes and
 * normalises exactly as the whole input would. Only a run of 64 KiB without any ASCII byte is cut
 * elsewhere, at a character boundary.
 */
final class DecodingReader extends Reader {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final InputStream in;
    private final Codec codec;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int filled;
    private long bufferOffset;
    private boolean endOfInput;
    private boolean closed;
    private String chunk = "";
    private int position;

    DecodingReader(InputStream in, Codec codec) {
        this.in = Objects.requireNonNull(in, "in");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, target.length);
        ensureOpen();
        if (length == 0) {
            return 0;
        }
        while (position >= chunk.length()) {
            if (!decodeNextChunk()) {
                return -1;
            }
        }
        int n = Math.min(length, chunk.length() - position);
        chunk.getChars(position, position + n, target, offset);
        position += n;
        return n;
    }

    @Override
    public boolean ready() throws IOException {
        ensureOpen();
        return position < chunk.length();
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            chunk = "";
            in.close();
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("Reader is closed");
        }
    }

    private boolean decodeNextChunk() throws IOException {
        while (!endOfInput && filled < buffer.length) {
            int read = in.read(buffer, filled, buffer.length - filled);
            if (read < 0) {
                endOfInput = true;
            } else {
                filled += read;
            }
        }
        if (filled == 0) {
            return false;
        }
        int cut = endOfInput ? filled : cutPoint();
        chunk = codec.decode(buffer, 0, cut, bufferOffset);
        position = 0;
        System.arraycopy(buffer, cut, buffer, 0, filled - cut);
        filled -= cut;
        bufferOffset += cut;
        return true;
    }

    private int cutPoint() {
        for (int i = filled - 1; i > 0; i--) {
            int b = buffer[i];
            if (b >= 0 && !isAsciiLetter(b)) {
                return i;
            }
        }
        for (int i = filled - 1; i > 0; i--) {
            if (buffer[i] >= 0) {
                return i;
            }
        }
        return codec.cutWithoutAscii(buffer, filled);
    }

    private static boolean isAsciiLetter(int b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    }
}
