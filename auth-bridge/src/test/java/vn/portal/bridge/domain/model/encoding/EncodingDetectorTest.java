package vn.portal.bridge.domain.model.encoding;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EncodingDetectorTest {

    private static final String HEADER =
            "agency_code,account_id,username,full_name,birth_date,gender,id_number,phone,email,password_hash,"
                    + "created_at,last_login_at,status\n";

    private static String row(int i, String name) {
        return "BHXH," + (700000 + i) + ",user" + i + "," + name + "," + (10 + i % 18) + "/0" + (1 + i % 9) + "/19"
                + (50 + i % 50) + "," + (i % 2 == 0 ? "F" : "M") + ",0010" + (80000000 + i) + ",09" + (12345600 + i)
                + ",user" + i + "@example.vn,{md5}5f4dcc3b5aa765d61d8327deb882cf99,2015-01-02T08:00:00,"
                + "2023-06-01T09:30:00,ACTIVE\n";
    }

    private static byte[] csv(List<String> names, LegacyEncoding encoding) {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < names.size(); i++) {
            text.append(row(i, names.get(i)));
        }
        return LegacyText.encode(text.toString(), encoding);
    }

    @ParameterizedTest
    @EnumSource(LegacyEncoding.class)
    void detectsTheEncodingOfAnAccountsFile(LegacyEncoding encoding) {
        Detection detection = EncodingDetector.detect(csv(VietnameseCorpus.NAMES, encoding));
        assertThat(detection.encoding()).as(detection.toString()).isEqualTo(encoding);
        assertThat(detection.confidence()).as(detection.toString()).isGreaterThanOrEqualTo(0.9);
        assertThat(detection.explanation()).contains(encoding == LegacyEncoding.UTF_8 ? "valid UTF-8" : "Vietnamese syllables");
    }

    @Test
    void detectsDecomposedUtf8AndSaysSo() {
        byte[] nfd = Normalizer.normalize(new String(csv(VietnameseCorpus.NAMES, LegacyEncoding.UTF_8), UTF_8),
                Normalizer.Form.NFD).getBytes(UTF_8);
        Detection detection = EncodingDetector.detect(nfd);
        assertThat(detection.encoding()).isEqualTo(LegacyEncoding.UTF_8);
        assertThat(detection.explanation()).contains("decomposed (NFD)");
    }

    /**
     * One account row at a time, for every name of the corpus in every encoding: the detector names the
     * encoding, or one that reads the row into exactly the same text (an ASCII-only name reads the same in all).
     */
    @ParameterizedTest
    @EnumSource(LegacyEncoding.class)
    void singleRowsOfTheCorpusAreReadCorrectly(LegacyEncoding encoding) {
        List<String> wrong = new ArrayList<>();
        int exact = 0;
        for (int i = 0; i < VietnameseCorpus.NAMES.size(); i++) {
            String name = VietnameseCorpus.NAMES.get(i);
            byte[] bytes = LegacyText.encode(row(i, name), encoding);
            Detection detection = EncodingDetector.detect(bytes);
            String truth = LegacyText.decode(bytes, encoding);
            String read;
            try {
                read = LegacyText.decode(bytes, detection.encoding());
            } catch (UndecodableTextException e) {
                read = e.getMessage();
            }
            if (detection.encoding() == encoding) {
                exact++;
            } else if (!read.equals(truth)) {
                wrong.add(name + " -> " + detection);
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(exact).isGreaterThanOrEqualTo(VietnameseCorpus.NAMES.size() * 9 / 10);
    }

    /**
     * Generated three-part names, one row each: a single row holds only two or three words that can tell
     * the encodings apart, yet fewer than 1 in 100 is misread (all of them rows whose bytes are valid in two
     * encodings, as {@link #someWordsAreTheSameBytesInTwoEncodings()} shows).
     */
    @Test
    void singleRowsOfGeneratedNamesAreAlmostAlwaysReadCorrectly() {
        String[] families = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
            "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lương", "Quách", "Triệu"};
        String[] middles = {"Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Xuân", "Thúy", "Diệu", "Bảo"};
        String[] givens = {"Ánh", "Hùng", "Hương", "Nhung", "Thắng", "Quỳnh", "Yến", "Việt", "Dũng", "Thảo", "Ước",
            "Ý", "Ổn", "Nghĩa", "Thủy", "Trâm", "Hiếu", "Lan", "Khoa", "Uyên"};
        java.util.Random random = new java.util.Random(20240701);
        int rows = 0;
        List<String> misread = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String name = families[random.nextInt(families.length)] + " " + middles[random.nextInt(middles.length)]
                    + " " + givens[random.nextInt(givens.length)];
            for (LegacyEncoding encoding : LegacyEncoding.values()) {
                byte[] bytes = LegacyText.encode(row(i, name), encoding);
                Detection detection = EncodingDetector.detect(bytes);
                rows++;
                if (detection.encoding() != encoding
                        && !LegacyText.decode(bytes, encoding).equals(LegacyText.decode(bytes, detection.encoding()))) {
                    misread.add(name + " in " + encoding + " -> " + detection);
                }
            }
        }
        assertThat(misread.size()).as(String.join("\n", misread)).isLessThanOrEqualTo(rows / 100);
    }

    @Test
    void someWordsAreTheSameBytesInTwoEncodings() {
        // Windows-1258 has a precomposed "à"; VNI writes "ồ" as "o" plus the same byte. Only context decides.
        assertThat(LegacyText.encode("Hoàng", LegacyEncoding.CP1258)).isEqualTo(LegacyText.encode("Hồng", LegacyEncoding.VNI));
    }

    @Test
    void asciiOnlyFilesReadTheSameInEveryEncoding() {
        Detection detection = EncodingDetector.detect((HEADER + row(1, "Nguyen Van An")).getBytes(UTF_8));
        assertThat(detection.encoding()).isEqualTo(LegacyEncoding.UTF_8);
        assertThat(detection.confidence()).isEqualTo(1.0);
        assertThat(detection.explanation()).contains("ASCII");
        assertThat(EncodingDetector.detect(new byte[0]).explanation()).contains("empty");
    }

    @Test
    void theUtf8ByteOrderMarkSettlesIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.writeBytes("full_name\nNguyen Van An\n".getBytes(UTF_8));
        Detection detection = EncodingDetector.detect(bytes.toByteArray());
        assertThat(detection.encoding()).isEqualTo(LegacyEncoding.UTF_8);
        assertThat(detection.confidence()).isEqualTo(1.0);
        assertThat(detection.explanation()).contains("byte-order mark");
    }

    @Test
    void toleratesAUtf8CharacterCutOffAtTheEndOfTheSample() {
        byte[] whole = csv(VietnameseCorpus.NAMES, LegacyEncoding.UTF_8);
        int cut = whole.length - 1;
        while ((whole[cut] & 0xC0) != 0x80) {
            cut--;
        }
        byte[] sample = java.util.Arrays.copyOf(whole, cut);
        assertThat(EncodingDetector.detect(sample).encoding()).isEqualTo(LegacyEncoding.UTF_8);
    }

    @Test
    void explainsTheVerdictWithAnExample() {
        Detection detection = EncodingDetector.detect(csv(List.of("Nguyễn Thị Ngọc Ánh", "Phạm Đức Thắng"), LegacyEncoding.TCVN3));
        assertThat(detection.encoding()).isEqualTo(LegacyEncoding.TCVN3);
        assertThat(detection.explanation())
                .startsWith("7 of 7 words with non-ASCII bytes read as Vietnamese syllables in TCVN3 (ABC), against ")
                .contains("For example the bytes 4E 67 75 79 D4 6E read \"Nguyễn\"");
        assertThat(detection.toString()).startsWith("TCVN3 (ABC), confidence ");
    }

    @Test
    void bytesThatAreNoVietnameseAtAllGetALowConfidence() {
        byte[] noise = new byte[600];
        for (int i = 0; i < noise.length; i++) {
            // Runs of high bytes no table turns into syllables: box-drawing in DOS code pages, for instance.
            noise[i] = (byte) (i % 7 == 6 ? ' ' : 0x80 + (i * 37) % 16);
        }
        Detection detection = EncodingDetector.detect(noise);
        assertThat(detection.confidence()).isLessThan(0.5);
        assertThat(detection.explanation()).contains("Check the file");
    }

    @Test
    void detectsAFileFromItsFirstMegabyte(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("accounts-bhxh.csv");
        Files.write(file, csv(VietnameseCorpus.NAMES, LegacyEncoding.VNI));
        assertThat(EncodingDetector.detect(file).encoding()).isEqualTo(LegacyEncoding.VNI);
    }

    @Test
    void aDetectionIsValidatedOnConstruction() {
        assertThatThrownBy(() -> new Detection(LegacyEncoding.VNI, 1.5, "too sure"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> new Detection(LegacyEncoding.VNI, Double.NaN, "unsure"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Detection(LegacyEncoding.VNI, 0.5, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("explain");
        assertThatThrownBy(() -> new Detection(null, 0.5, "x")).isInstanceOf(NullPointerException.class);
    }
}
