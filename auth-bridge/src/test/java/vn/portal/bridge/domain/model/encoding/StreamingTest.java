package vn.portal.bridge.domain.model.encoding;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StreamingTest {

    /** An agency export of a few thousand rows: well past the reader's 64 KiB buffer. */
    private static String accountsCsv(int rows) {
        StringBuilder csv = new StringBuilder("agency_code,account_id,full_name,birth_date\n");
        for (int i = 0; i < rows; i++) {
            String name = VietnameseCorpus.NAMES.get(i % VietnameseCorpus.NAMES.size());
            csv.append("BHXH,").append(100000 + i).append(',').append(name).append(',')
                    .append(1950 + i % 60).append("-0").append(1 + i % 9).append("-1").append(i % 10).append('\n');
        }
        return csv.toString();
    }

    private static String readAll(Reader reader, int readSize) throws IOException {
        StringWriter out = new StringWriter();
        char[] buffer = new char[readSize];
        int n;
        while ((n = reader.read(buffer, 0, readSize)) >= 0) {
            out.write(buffer, 0, n);
        }
        return out.toString();
    }

    /** Hands out at most a few bytes per read, as sockets and pipes do. */
    private static InputStream trickling(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };
    }

    @ParameterizedTest
    @EnumSource(LegacyEncoding.class)
    void readerDecodesALargeExportExactlyAsTheWholeArrayDecodes(LegacyEncoding encoding) throws IOException {
        String csv = accountsCsv(8_000);
        byte[] bytes = LegacyText.encode(csv, encoding);
        assertThat(bytes.length).isGreaterThan(3 * 64 * 1024);
        String whole = LegacyText.decode(bytes, encoding);
        try (Reader reader = LegacyText.reader(new ByteArrayInputStream(bytes), encoding)) {
            assertThat(readAll(reader, 1000)).isEqualTo(whole);
        }
        try (Reader reader = LegacyText.reader(trickling(bytes), encoding)) {
            assertThat(readAll(reader, 1)).isEqualTo(whole);
        }
        String expected = encoding == LegacyEncoding.TCVN3 ? VietnameseCorpus.expectedFromTcvn3(csv) : csv;
        assertThat(whole).isEqualTo(expected);
    }

    @Test
    void readerComposesDecomposedUtf8AcrossBufferBoundaries() throws IOException {
        String csv = accountsCsv(4_000);
        byte[] nfd = Normalizer.normalize(csv, Normalizer.Form.NFD).getBytes(UTF_8);
        try (Reader reader = LegacyText.reader(new ByteArrayInputStream(nfd), LegacyEncoding.UTF_8)) {
            assertThat(readAll(reader, 4096)).isEqualTo(csv);
        }
    }

    @Test
    void readerKeepsVniLettersWholeInRunsWithoutAsciiBytes() throws IOException {
        // 0xF4 0xF9 is "ớ" and 0xF1 is "đ": 100,000 letters without one ASCII byte force a cut inside the run.
        String run = "đớ".repeat(50_000);
        byte[] bytes = LegacyText.encode(run, LegacyEncoding.VNI);
        try (Reader reader = LegacyText.reader(new ByteArrayInputStream(bytes), LegacyEncoding.VNI)) {
            assertThat(readAll(reader, 3000)).isEqualTo(run);
        }
        String utf8Run = "ễ".repeat(70_000);
        try (Reader reader = LegacyText.reader(new ByteArrayInputStream(utf8Run.getBytes(UTF_8)), LegacyEncoding.UTF_8)) {
            assertThat(readAll(reader, 3000)).isEqualTo(utf8Run);
        }
    }

    @Test
    void readerReportsMalformedUtf8WithItsOffsetInTheStream() throws IOException {
        byte[] good = accountsCsv(2_000).getBytes(UTF_8);
        byte[] bytes = new byte[good.length + 2];
        System.arraycopy(good, 0, bytes, 0, good.length);
        bytes[good.length] = (byte) 0xFF;
        bytes[good.length + 1] = '\n';
        try (Reader reader = LegacyText.reader(new ByteArrayInputStream(bytes), LegacyEncoding.UTF_8)) {
            assertThatThrownBy(() -> readAll(reader, 8192))
                    .isInstanceOfSatisfying(UndecodableTextException.class,
                            e -> assertThat(e.byteOffset()).isEqualTo(good.length));
        }
    }

    @Test
    void readerSkipsTheByteOrderMarkAndRefusesUseAfterClose() throws IOException {
        byte[] body = "Hà Nội".getBytes(UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        Reader reader = LegacyText.reader(new ByteArrayInputStream(bytes), LegacyEncoding.UTF_8);
        assertThat(readAll(reader, 10)).isEqualTo("Hà Nội");
        reader.close();
        assertThatThrownBy(reader::read).isInstanceOf(IOException.class).hasMessage("Reader is closed");
    }

    @Test
    void emptyInputReadsAsEmptyText() throws IOException {
        for (LegacyEncoding encoding : LegacyEncoding.values()) {
            try (Reader reader = LegacyText.reader(new ByteArrayInputStream(new byte[0]), encoding)) {
                assertThat(reader.read()).isEqualTo(-1);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(LegacyEncoding.class)
    void writerProducesWhatEncodeProduces(LegacyEncoding encoding) throws IOException {
        String csv = accountsCsv(3_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = LegacyText.writer(out, encoding)) {
            // NFD input written in small pieces: the writer composes across the pieces.
            String nfd = Normalizer.normalize(csv, Normalizer.Form.NFD);
            for (int i = 0; i < nfd.length(); i += 333) {
                writer.write(nfd, i, Math.min(333, nfd.length() - i));
            }
        }
        assertThat(out.toByteArray()).isEqualTo(LegacyText.encode(csv, encoding));
    }
}
