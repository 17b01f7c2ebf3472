package vn.portal.bridge.domain.model.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCrypt;

class LegacyPasswordHashTest {

    // RFC 7914 §11, first PBKDF2-HMAC-SHA256 vector: P="passwd", S="salt", c=1, dkLen=64.
    private static final String RFC7914_DK = "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
            + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783";

    @Test
    void verifiesMd5AgainstRfc1321Vector() {
        LegacyPasswordHash hash = LegacyPasswordHash.parse("{md5}900150983cd24fb0d6963f7d28e17f72");
        assertThat(hash.scheme()).isEqualTo(HashScheme.MD5);
        assertThat(hash.isWeak()).isTrue();
        assertThat(hash.matches("abc")).isTrue();
        assertThat(hash.matches("abd")).isFalse();
        assertThat(hash.matches("")).isFalse();
    }

    @Test
    void acceptsUpperCaseHexDigests() {
        assertThat(LegacyPasswordHash.parse("{md5}5F4DCC3B5AA765D61D8327DEB882CF99").matches("password")).isTrue();
    }

    @Test
    void verifiesSaltedSha1AsDigestOfSaltThenPassword() {
        // FIPS 180-2 vector SHA-1("abc"): salt "ab" followed by password "c".
        LegacyPasswordHash hash = LegacyPasswordHash.parse("{sha1}ab$a9993e364706816aba3e25717850c26c9cd0d89d");
        assertThat(hash.scheme()).isEqualTo(HashScheme.SHA1_SALTED);
        assertThat(hash.matches("c")).isTrue();
        assertThat(hash.matches("abc")).isFalse();
    }

    @Test
    void saltedSha1SaltMayContainDollarSigns() {
        String digest = HexFormat.of().formatHex(sha1("a$b" + "Hà Nội"));
        assertThat(LegacyPasswordHash.parse("{sha1}a$b$" + digest).matches("Hà Nội")).isTrue();
    }

    @Test
    void verifiesPbkdf2AgainstRfc7914Vector() {
        String stored = "{pbkdf2-sha256}1$" + b64("salt".getBytes(StandardCharsets.US_ASCII)) + "$"
                + b64(HexFormat.of().parseHex(RFC7914_DK));
        LegacyPasswordHash hash = LegacyPasswordHash.parse(stored);
        assertThat(hash.scheme()).isEqualTo(HashScheme.PBKDF2_SHA256);
        assertThat(hash.isWeak()).isFalse();
        assertThat(hash.matches("passwd")).isTrue();
        assertThat(hash.matches("Passwd")).isFalse();
    }

    @Test
    void pbkdf2AcceptsUnpaddedBase64() {
        String stored = "{pbkdf2-sha256}1$" + Base64.getEncoder().withoutPadding().encodeToString("salt".getBytes(StandardCharsets.US_ASCII))
                + "$" + Base64.getEncoder().withoutPadding().encodeToString(HexFormat.of().parseHex(RFC7914_DK));
        assertThat(LegacyPasswordHash.parse(stored).matches("passwd")).isTrue();
    }

    @Test
    void verifiesBcryptAgainstOpenwallVectors() {
        assertThat(LegacyPasswordHash.parse("{bcrypt}$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW").matches("U*U")).isTrue();
        assertThat(LegacyPasswordHash.parse("{bcrypt}$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW").matches("U*V")).isFalse();
        assertThat(LegacyPasswordHash.parse("{bcrypt}$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.").matches("")).isTrue();
    }

    @Test
    void vietnamesePasswordMatchesWhicheverUnicodeFormTheLegacySystemHashed() {
        String typedNfc = Normalizer.normalize("Mật khẩu cũ của Nguyễn Thị Ánh 2019", Normalizer.Form.NFC);
        String storedAsNfd = Normalizer.normalize(typedNfc, Normalizer.Form.NFD);
        assertThat(storedAsNfd).isNotEqualTo(typedNfc);
        String bcrypt = BCrypt.hashpw(storedAsNfd.getBytes(StandardCharsets.UTF_8), BCrypt.gensalt(4));
        assertThat(LegacyPasswordHash.parse("{bcrypt}" + bcrypt).matches(typedNfc)).isTrue();
        String md5 = HexFormat.of().formatHex(md5(typedNfc));
        assertThat(LegacyPasswordHash.parse("{md5}" + md5).matches(storedAsNfd)).isTrue();
        assertThat(LegacyPasswordHash.parse("{md5}" + md5).matches("Mat khau cu cua Nguyen Thi Anh 2019")).isFalse();
    }

    @Test
    void bcryptUsesOnlyTheFirst72BytesLikeTheOriginal() {
        String longPassword = "đ".repeat(40); // 80 UTF-8 bytes
        String hashOfPrefix = BCrypt.hashpw(java.util.Arrays.copyOf(longPassword.getBytes(StandardCharsets.UTF_8), 72), BCrypt.gensalt(4));
        assertThat(LegacyPasswordHash.parse("{bcrypt}" + hashOfPrefix).matches(longPassword)).isTrue();
    }

    @Test
    void rejectsMissingOrUnknownScheme() {
        assertThatThrownBy(() -> LegacyPasswordHash.parse("5f4dcc3b5aa765d61d8327deb882cf99"))
                .isInstanceOf(InvalidPasswordHashException.class).hasMessageContaining("{scheme} prefix");
        assertThatThrownBy(() -> LegacyPasswordHash.parse("{sha512}abc"))
                .isInstanceOf(InvalidPasswordHashException.class).hasMessageContaining("unknown hash scheme {sha512}");
        assertThatThrownBy(() -> LegacyPasswordHash.parse("  "))
                .isInstanceOf(InvalidPasswordHashException.class).hasMessage("password hash is empty");
    }

    @Test
    void rejectsMalformedBodiesWithoutEchoingThem() {
        assertThatThrownBy(() -> LegacyPasswordHash.parse("{md5}5f4dcc3b5aa765d61d8327deb882cf9"))
                .isInstanceOf(InvalidPasswordHashException.class).hasMessageContaining("32 hexadecimal digits")
                .hasMessageNotContaining("5f4dcc");
        assertThatThrownBy(() -> LegacyPasswordHash.parse("{md5}zz4dcc3b5aa765d61d8327deb882cf99"))
                .isInstanceOf(InvalidPasswordHashException.class).hasMessageContaining("non-hex");
        assertThatThrownBy(() -> LegacyPasswordHash.parse("{sha1}a9993e364706816aba3e25717850c26c9cd0d89d"))
                .isInstanceOf(InvalidPasswordHashException.class).hasMessageContaining("non-empty salt");
        assertThatThrownBy(() -> LegacyPasswordHash.parse("{pbkdf2-sha256}1000$c2FsdA=="))
                .isInstanceOf(InvalidPasswordHashException.class).hasMessageContaining("2 $-separated parts");
        assertThatThrownBy(() -> LegacyPasswordHash.parse("{pbkdf2-sha256}0$c2FsdA==$" + b64(new byte[32])))
                .isInstanceOf(InvalidPasswordHashException.class).hasMessageContaining("iterations 0");
        assertThatThrownBy(() -> LegacyPasswordHash.parse("{pbkdf2-sha256}99999999$c2FsdA==$" + b64(new byte[32])))
                .isInstanceOf(InvalidPasswordHashException.class).hasMessageContaining("outside 1..2000000");
        assertThatThrownBy(() -> LegacyPasswordHash.parse("{pbkdf2-sha256}1000$c2Fs*A==$" + b64(new byte[32])))
                .isInstanceOf(InvalidPasswordHashException.class).hasMessageContaining("salt is not valid base64");
        assertThatThrownBy(() -> LegacyPasswordHash.parse("{pbkdf2-sha256}1000$c2FsdA==$" + b64(new byte[8])))
                .isInstanceOf(InvalidPasswordHashException.class).hasMessageContaining("8 bytes");
        assertThatThrownBy(() -> LegacyPasswordHash.parse("{bcrypt}$2a$05$tooShort"))
                .isInstanceOf(InvalidPasswordHashException.class).hasMessageContaining("60 characters");
        assertThatThrownBy(() -> LegacyPasswordHash.parse("{bcrypt}$2a$31$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"))
                .isInstanceOf(InvalidPasswordHashException.class).hasMessageContaining("cost 31");
    }

    @Test
    void toStringNeverShowsTheHash() {
        assertThat(LegacyPasswordHash.parse("{md5}5f4dcc3b5aa765d61d8327deb882cf99").toString())
                .isEqualTo("LegacyPasswordHash[md5]");
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] sha1(String text) {
        return digest("SHA-1", text);
    }

    private static byte[] md5(String text) {
        return digest("MD5", text);
    }

    private static byte[] digest(String algorithm, String text) {
        try {
            return java.security.MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
