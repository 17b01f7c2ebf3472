package vn.portal.bridge.domain.model.encoding;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.Objects;

/**
 * Writes text in a legacy encoding (used to produce test and evaluation files as agencies would send them).
 * Text is normalised to NFC in pieces that end before an ASCII character, for the same reason the
 * {@link DecodingReader} cuts there: an ASCII character never composes with what precedes it.
 */
final class EncodingWriter extends Writer {

    private static final int PENDING_CHARS = 8 * 1024;

    private final OutputStream out;
    private final Codec codec;
    private final StringBuilder pending = new StringBuilder();
    private boolean closed;

    EncodingWriter(OutputStream out, Codec codec) {
        this.out = Objects.requireNonNull(out, "out");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    @Override
    public void write(char[] source, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, source.length);
        ensureOpen();
        pending.append(source, offset, length);
        if (pending.length() >= PENDING_CHARS) {
            int cut = lastAsciiIndex();
            // Without any ASCII character the text is written whole rather than held without bound.
            drain(cut > 0 ? cut : pending.length());
        }
    }

    /** Writes everything pending; a combining mark written after a flush is normalised on its own. */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        drain(pending.length());
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            try {
                flush();
            } finally {
                closed = true;
                out.close();
            }
        }
    }

    private int lastAsciiIndex() {
        for (int i = pending.length() - 1; i > 0; i--) {
            if (pending.charAt(i) < 0x80) {
                return i;
            }
        }
        return -1;
    }

    private void drain(int cut) throws IOException {
        if (cut == 0) {
            return;
        }
        out.write(codec.encode(Nfc.of(pending.substring(0, cut))));
        pending.delete(0, cut);
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("Writer is closed");
        }
    }
}
