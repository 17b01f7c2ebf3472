package vn.portal.bridge.domain.model.encoding;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LegacyTextTest {

    /** Legacy bytes written as the ISO-8859-1 characters they show in a non-Vietnamese font. */
    private static byte[] latin1(String shownAs) {
        return shownAs.getBytes(ISO_8859_1);
    }

    @Test
    void readsWellKnownTcvn3Text() {
        assertThat(LegacyText.decode(latin1("NguyÔn ThÞ Ngäc ¸nh"), LegacyEncoding.TCVN3)).isEqualTo("Nguyễn Thị Ngọc ánh");
        assertThat(LegacyText.decode(latin1("Céng hoµ x· héi chñ nghÜa ViÖt Nam"), LegacyEncoding.TCVN3))
                .isEqualTo("Cộng hoà xã hội chủ nghĩa Việt Nam");
        assertThat(LegacyText.decode(latin1("§éc lËp - Tù do - H¹nh phóc"), LegacyEncoding.TCVN3))
                .isEqualTo("Độc lập - Tự do - Hạnh phúc");
        assertThat(LegacyText.decode(latin1("§Æng V¨n Hïng, Tr\u00AD\u00ACng Quúnh H\u00AD\u00ACng"), LegacyEncoding.TCVN3))
                .isEqualTo("Đặng Văn Hùng, Trương Quỳnh Hương");
    }

    @Test
    void restoresTcvn3CapitalsInsideUpperCaseWordsOnly() {
        assertThat(LegacyText.decode(latin1("NGUYÔN THÞ NGäC ¸NH"), LegacyEncoding.TCVN3)).isEqualTo("NGUYỄN THỊ NGỌC ÁNH");
        // Alone, a capital-font letter cannot be told from a lower-case one: it stays lower-case.
        assertThat(LegacyText.decode(latin1("Lª Quý §«n, ý"), LegacyEncoding.TCVN3)).isEqualTo("Lê Quý Đôn, ý");
    }

    @Test
    void readsWellKnownVniText() {
        assertThat(LegacyText.decode(latin1("Nguyeãn Thò Ngoïc AÙnh"), LegacyEncoding.VNI)).isEqualTo("Nguyễn Thị Ngọc Ánh");
        assertThat(LegacyText.decode(latin1("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM"), LegacyEncoding.VNI))
                .isEqualTo("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        assertThat(LegacyText.decode(latin1("Ñoäc laäp - Töï do - Haïnh phuùc"), LegacyEncoding.VNI))
                .isEqualTo("Độc lập - Tự do - Hạnh phúc");
        assertThat(LegacyText.decode(latin1("Ñaëng Vaên Huøng, Tröông Quyønh Höông"), LegacyEncoding.VNI))
                .isEqualTo("Đặng Văn Hùng, Trương Quỳnh Hương");
    }

    @Test
    void vniMarkWithoutABaseLetterReadsAsItsLatin1Character() {
        // 0xF9 is the acute mark only after a vowel; after a digit it is just the byte's own glyph.
        assertThat(LegacyText.decode(latin1("3ù"), LegacyEncoding.VNI)).isEqualTo("3ù");
    }

    @Test
    void readsWindows1258AndComposesTheCombiningToneBytes() {
        byte[] nguyen = {'N', 'g', 'u', 'y', (byte) 0xEA, (byte) 0xDE, 'n'};
        assertThat(LegacyText.decode(nguyen, LegacyEncoding.CP1258)).isEqualTo("Nguyễn");
        String viaJdk = new String(nguyen, Charset.forName("windows-1258"));
        assertThat(viaJdk).isNotEqualTo("Nguyễn");
        assertThat(Normalizer.normalize(viaJdk, Normalizer.Form.NFC)).isEqualTo("Nguyễn");
    }

    @Test
    void readsDecomposedUtf8AsNfc() {
        String nfd = Normalizer.normalize("Trương Quỳnh Hương", Normalizer.Form.NFD);
        String decoded = LegacyText.decode(nfd.getBytes(UTF_8), LegacyEncoding.UTF_8);
        assertThat(decoded).isEqualTo("Trương Quỳnh Hương");
        assertThat(Normalizer.isNormalized(decoded, Normalizer.Form.NFC)).isTrue();
    }

    @Test
    void skipsTheUtf8ByteOrderMarkAtTheStartOnly() {
        byte[] body = "Lê Thị Hồng Nhung".getBytes(UTF_8);
        byte[] withMark = new byte[body.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withMark, 3, body.length);
        assertThat(LegacyText.decode(withMark, LegacyEncoding.UTF_8)).isEqualTo("Lê Thị Hồng Nhung");
        assertThat(LegacyText.decode(withMark, 3, body.length, LegacyEncoding.UTF_8)).isEqualTo("Lê Thị Hồng Nhung");
    }

    @Test
    void rejectsMalformedUtf8WithTheOffendingByteOffset() {
        byte[] bytes = "Phạm Đức".getBytes(UTF_8);
        byte[] broken = new byte[bytes.length + 3];
        System.arraycopy(bytes, 0, broken, 0, bytes.length);
        broken[bytes.length] = ' ';
        broken[bytes.length + 1] = (byte) 0xC3; // a lead byte followed by ASCII
        broken[bytes.length + 2] = 'x';
        assertThatThrownBy(() -> LegacyText.decode(broken, LegacyEncoding.UTF_8))
                .isInstanceOfSatisfying(UndecodableTextException.class, e -> {
                    assertThat(e.byteOffset()).isEqualTo(bytes.length + 1);
                    assertThat(e.encoding()).isEqualTo(LegacyEncoding.UTF_8);
                })
                .hasMessageContaining("byte offset " + (bytes.length + 1));
        byte[] cutOff = {'A', (byte) 0xE1, (byte) 0xBB};
        assertThatThrownBy(() -> LegacyText.decode(cutOff, LegacyEncoding.UTF_8))
                .isInstanceOf(UndecodableTextException.class)
                .hasMessageContaining("cut off at the end");
    }

    @Test
    void rejectsBytesThatWindows1258LeavesUndefined() {
        byte[] bytes = {'H', 'a', ' ', (byte) 0x81};
        assertThatThrownBy(() -> LegacyText.decode(bytes, LegacyEncoding.CP1258))
                .isInstanceOfSatisfying(UndecodableTextException.class, e -> assertThat(e.byteOffset()).isEqualTo(3))
                .hasMessageContaining("0x81");
    }

    @ParameterizedTest
    @EnumSource(LegacyEncoding.class)
    void everyLetterWithEveryToneInBothCasesSurvivesTheRoundTrip(LegacyEncoding encoding) {
        for (String letter : VietnameseCorpus.allLetters()) {
            byte[] bytes = LegacyText.encode(letter, encoding);
            String expected = encoding == LegacyEncoding.TCVN3 ? VietnameseCorpus.expectedFromTcvn3(letter) : letter;
            assertThat(LegacyText.decode(bytes, encoding)).as("%s in %s", letter, encoding).isEqualTo(expected);
            // Between capitals even TCVN3 keeps a toned capital a capital.
            String word = "N" + letter + "N";
            assertThat(LegacyText.decode(LegacyText.encode(word, encoding), encoding))
                    .as("%s in %s", word, encoding).isEqualTo(encoding == LegacyEncoding.TCVN3
                            ? VietnameseCorpus.expectedFromTcvn3(word) : word);
        }
    }

    @ParameterizedTest
    @EnumSource(LegacyEncoding.class)
    void realNamesSurviveTheRoundTrip(LegacyEncoding encoding) {
        for (String name : VietnameseCorpus.NAMES) {
            String decoded = LegacyText.decode(LegacyText.encode(name, encoding), encoding);
            if (encoding == LegacyEncoding.TCVN3) {
                assertThat(decoded).as(name).isEqualTo(VietnameseCorpus.expectedFromTcvn3(name));
            } else {
                assertThat(decoded).as(name).isEqualTo(name);
            }
        }
        assertThat(LegacyText.decode(LegacyText.encode("Nguyễn Thị Ngọc Ánh", LegacyEncoding.TCVN3), LegacyEncoding.TCVN3))
                .isEqualTo("Nguyễn Thị Ngọc ánh");
        assertThat(LegacyText.decode(LegacyText.encode("Phạm Đức Thắng", LegacyEncoding.TCVN3), LegacyEncoding.TCVN3))
                .isEqualTo("Phạm Đức Thắng");
    }

    @Test
    void encodesAsTheLegacySystemsDid() {
        assertThat(new String(LegacyText.encode("Nguyễn Thị Ngọc Ánh", LegacyEncoding.TCVN3), ISO_8859_1))
                .isEqualTo("NguyÔn ThÞ Ngäc ¸nh");
        assertThat(new String(LegacyText.encode("Nguyễn Thị Ngọc Ánh", LegacyEncoding.VNI), ISO_8859_1))
                .isEqualTo("Nguyeãn Thò Ngoïc AÙnh");
        assertThat(LegacyText.encode("Nguyễn", LegacyEncoding.CP1258))
                .containsExactly('N', 'g', 'u', 'y', 0xEA, 0xDE, 'n');
        // Windows-1258 keeps the precomposed letters it inherited from Latin-1.
        assertThat(LegacyText.encode("Ánh", LegacyEncoding.CP1258)).containsExactly(0xC1, 'n', 'h');
        String nfd = Normalizer.normalize("Hồng", Normalizer.Form.NFD);
        assertThat(LegacyText.encode(nfd, LegacyEncoding.UTF_8)).isEqualTo("Hồng".getBytes(UTF_8));
    }

    @Test
    void everyTableMapsEachVietnameseLetterToDistinctBytes() {
        for (CodeTable table : new CodeTable[] {CodeTable.tcvn3(), CodeTable.vni()}) {
            Map<Character, byte[]> encodings = table.encodings();
            Set<String> seen = new HashSet<>();
            Map<String, Character> clashes = new HashMap<>();
            for (String letter : VietnameseCorpus.allLetters()) {
                char c = letter.charAt(0);
                if (c < 0x80) {
                    continue;
                }
                assertThat(encodings).as("%s has %s", table.encoding(), letter).containsKey(c);
                String key = new String(encodings.get(c), ISO_8859_1);
                boolean sharesWithItsLowerCase = table.encoding() == LegacyEncoding.TCVN3
                        && Character.isUpperCase(c) && VietnameseCorpus.hasToneMark(letter);
                if (!sharesWithItsLowerCase && !seen.add(key)) {
                    clashes.put(key, c);
                }
            }
            assertThat(clashes).as("byte sequences used by two letters in %s", table.encoding()).isEmpty();
            assertThat(encodings).hasSize(134);
        }
    }

    @Test
    void refusesCharactersTheLegacyEncodingCannotHold() {
        assertThatThrownBy(() -> LegacyText.encode("François Nguyễn", LegacyEncoding.TCVN3))
                .isInstanceOfSatisfying(UnencodableTextException.class, e -> {
                    assertThat(e.codePoint()).isEqualTo('ç');
                    assertThat(e.index()).isEqualTo(4);
                    assertThat(e.encoding()).isEqualTo(LegacyEncoding.TCVN3);
                })
                .hasMessageContaining("TCVN3 (ABC) cannot represent 'ç' (U+00E7)");
        assertThatThrownBy(() -> LegacyText.encode("Nguyễn 阮", LegacyEncoding.VNI)).isInstanceOf(UnencodableTextException.class);
        assertThatThrownBy(() -> LegacyText.encode("Ł", LegacyEncoding.CP1258)).isInstanceOf(UnencodableTextException.class);
    }

    @Test
    void parsesCommandLineEncodingNames() {
        assertThat(LegacyEncoding.parse("utf-8")).isEqualTo(LegacyEncoding.UTF_8);
        assertThat(LegacyEncoding.parse("UTF8")).isEqualTo(LegacyEncoding.UTF_8);
        assertThat(LegacyEncoding.parse(" CP1258 ")).isEqualTo(LegacyEncoding.CP1258);
        assertThat(LegacyEncoding.parse("windows-1258")).isEqualTo(LegacyEncoding.CP1258);
        assertThat(LegacyEncoding.parse("TCVN3")).isEqualTo(LegacyEncoding.TCVN3);
        assertThat(LegacyEncoding.parse("abc")).isEqualTo(LegacyEncoding.TCVN3);
        assertThat(LegacyEncoding.parse("Vni")).isEqualTo(LegacyEncoding.VNI);
        for (LegacyEncoding encoding : LegacyEncoding.values()) {
            assertThat(LegacyEncoding.parse(encoding.cliName())).isEqualTo(encoding);
        }
        assertThatThrownBy(() -> LegacyEncoding.parse("latin1"))
                .isInstanceOf(UnknownEncodingException.class)
                .hasMessage("Unknown encoding 'latin1'; expected one of utf-8, cp1258, tcvn3, vni");
        assertThatThrownBy(() -> LegacyEncoding.parse("auto"))
                .isInstanceOf(UnknownEncodingException.class)
                .hasMessageContaining("EncodingDetector");
        assertThatThrownBy(() -> LegacyEncoding.parse(null)).isInstanceOf(UnknownEncodingException.class);
    }
}
