package vn.portal.bridge.domain.model.credential;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * A legacy account's password hash in one of the self-describing formats of DESIGN.md §5, parsed and
 * validated on construction, able to tell whether a password matches it. Immutable and thread-safe;
 * {@link #toString()} never shows the hash.
 *
 * <p>Verification is constant-time in the stored value: the candidate digest is always computed in full and
 * compared with {@link MessageDigest#isEqual}, so response times do not reveal how many leading bytes agreed.
 */
public final class LegacyPasswordHash {

    /** bcrypt costs outside this range are refused at parse time: a cost of 17 already takes seconds per try. */
    public static final int MIN_BCRYPT_COST = 4;
    public static final int MAX_BCRYPT_COST = 16;
    /** PBKDF2 iterations above this are refused: one claim attempt must not cost the server seconds of CPU. */
    public static final int MAX_PBKDF2_ITERATIONS = 2_000_000;
    /** bcrypt feeds at most 72 key bytes into its key schedule (Provos and Mazières 1999, §6). */
    private static final int BCRYPT_MAX_KEY_BYTES = 72;

    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");

    private final HashScheme scheme;
    /** bcrypt: the whole "$2a$..." string; others: the digest. */
    private final byte[] expected;
    private final String bcryptSetting;
    private final byte[] salt;
    private final int iterations;

    private LegacyPasswordHash(HashScheme scheme, byte[] expected, String bcryptSetting, byte[] salt, int iterations) {
        this.scheme = scheme;
        this.expected = expected;
        this.bcryptSetting = bcryptSetting;
        this.salt = salt;
        this.iterations = iterations;
    }

    /**
     * Parses a stored hash such as {@code {pbkdf2-sha256}310000$c2FsdA==$...}.
     *
     * @throws InvalidPasswordHashException if the value has no known {scheme} prefix or its body is malformed
     */
    public static LegacyPasswordHash parse(String stored) {
        if (stored == null || stored.isBlank()) {
            throw new InvalidPasswordHashException("password hash is empty");
        }
        String value = stored.strip();
        int close = value.indexOf('}');
        if (!value.startsWith("{") || close < 2) {
            throw new InvalidPasswordHashException("password hash does not start with a {scheme} prefix");
        }
        HashScheme scheme = HashScheme.byPrefix(value.substring(1, close));
        String body = value.substring(close + 1);
        return switch (scheme) {
            case BCRYPT -> parseBcrypt(body);
            case PBKDF2_SHA256 -> parsePbkdf2(body);
            case SHA1_SALTED -> parseSha1(body);
            case MD5 -> parseMd5(body);
        };
    }

    private static LegacyPasswordHash parseBcrypt(String body) {
        var matcher = BCRYPT.matcher(body);
        if (!matcher.matches()) {
            throw new InvalidPasswordHashException("{bcrypt} hash must be $2a$, $2b$ or $2y$, a two-digit cost and 53 characters of"
                    + " bcrypt base64 (60 characters in all) but has " + body.length() + " characters");
        }
        int cost = Integer.parseInt(matcher.group(1));
        if (cost < MIN_BCRYPT_COST || cost > MAX_BCRYPT_COST) {
            throw new InvalidPasswordHashException("{bcrypt} cost " + cost + " is outside " + MIN_BCRYPT_COST + ".." + MAX_BCRYPT_COST);
        }
        // The setting (version, cost, 22 salt characters) is all BCrypt.hashpw needs to recompute the hash.
        return new LegacyPasswordHash(HashScheme.BCRYPT, body.getBytes(StandardCharsets.US_ASCII), body.substring(0, 29), null, 0);
    }

    private static LegacyPasswordHash parsePbkdf2(String body) {
        String[] parts = body.split("\\$", -1);
        if (parts.length != 3) {
            throw new InvalidPasswordHashException("{pbkdf2-sha256} hash must be iterations$salt_b64$hash_b64 but has "
                    + parts.length + " $-separated parts");
        }
        if (!DIGITS.matcher(parts[0]).matches()) {
            throw new InvalidPasswordHashException("{pbkdf2-sha256} iterations must be a positive decimal number");
        }
        long iterations = Long.parseLong(parts[0]);
        if (iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS) {
            throw new InvalidPasswordHashException("{pbkdf2-sha256} iterations " + iterations + " outside 1.." + MAX_PBKDF2_ITERATIONS);
        }
        byte[] salt = base64(parts[1], "salt");
        byte[] hash = base64(parts[2], "hash");
        if (salt.length == 0) {
            throw new InvalidPasswordHashException("{pbkdf2-sha256} salt is empty");
        }
        if (hash.length < 16 || hash.length > 64) {
            throw new InvalidPasswordHashException("{pbkdf2-sha256} hash has " + hash.length + " bytes; 16 to 64 expected");
        }
        return new LegacyPasswordHash(HashScheme.PBKDF2_SHA256, hash, null, salt, (int) iterations);
    }

    private static LegacyPasswordHash parseSha1(String body) {
        // The salt is whatever precedes the last '$', so a salt containing '$' still parses.
        int dollar = body.lastIndexOf('$');
        if (dollar < 1) {
            throw new InvalidPasswordHashException("{sha1} hash must be salt$hex with a non-empty salt");
        }
        byte[] digest = hex(body.substring(dollar + 1), 20, "{sha1}");
        return new LegacyPasswordHash(HashScheme.SHA1_SALTED, digest, null,
                body.substring(0, dollar).getBytes(StandardCharsets.UTF_8), 0);
    }

    private static LegacyPasswordHash parseMd5(String body) {
        return new LegacyPasswordHash(HashScheme.MD5, hex(body, 16, "{md5}"), null, null, 0);
    }

    private static byte[] base64(String text, String what) {
        try {
            // Legacy systems wrote both padded and unpadded base64; the basic decoder accepts either.
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidPasswordHashException("{pbkdf2-sha256} " + what + " is not valid base64: " + e.getMessage(), e);
        }
    }

    private static byte[] hex(String text, int bytes, String scheme) {
        if (text.length() != bytes * 2 || !HEX.matcher(text).matches()) {
            throw new InvalidPasswordHashException(scheme + " digest must be " + bytes * 2 + " hexadecimal digits but is "
                    + text.length() + " characters" + (HEX.matcher(text).matches() || text.isEmpty() ? "" : " with non-hex ones"));
        }
        return HexFormat.of().parseHex(text);
    }

    public HashScheme scheme() {
        return scheme;
    }

    /** True for the schemes that are too weak to keep (unsalted MD5, single-round salted SHA-1). */
    public boolean isWeak() {
        return scheme == HashScheme.MD5 || scheme == HashScheme.SHA1_SALTED;
    }

    /**
     * Whether {@code password} is the one this hash was made from. Passwords are tried as typed and, when
     * different, in Unicode NFC and NFD: the legacy system hashed whatever bytes the citizen's keyboard
     * produced back then, and Vietnamese input methods produce either form.
     */
    public boolean matches(String password) {
        Objects.requireNonNull(password, "password");
        Set<String> forms = new LinkedHashSet<>();
        forms.add(password);
        forms.add(Normalizer.normalize(password, Normalizer.Form.NFC));
        forms.add(Normalizer.normalize(password, Normalizer.Form.NFD));
        boolean matched = false;
        for (String form : forms) {
            // No early exit: each form costs the same whichever matched.
            matched |= matchesExactly(form);
        }
        return matched;
    }

    private boolean matchesExactly(String password) {
        byte[] utf8 = password.getBytes(StandardCharsets.UTF_8);
        byte[] actual = switch (scheme) {
            case BCRYPT -> bcrypt(utf8);
            case PBKDF2_SHA256 -> pbkdf2(password);
            case SHA1_SALTED -> digest("SHA-1", salt, utf8);
            case MD5 -> digest("MD5", new byte[0], utf8);
        };
        Arrays.fill(utf8, (byte) 0);
        return MessageDigest.isEqual(expected, actual);
    }

    private byte[] bcrypt(byte[] password) {
        // Longer keys were silently cut to 72 bytes by the original bcrypt, so cutting here gives the same hash.
        byte[] key = password.length > BCRYPT_MAX_KEY_BYTES ? Arrays.copyOf(password, BCRYPT_MAX_KEY_BYTES) : password;
        return BCrypt.hashpw(key, bcryptSetting).getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] pbkdf2(String password) {
        // PBEKeySpec takes chars and SunJCE's PBKDF2 encodes them as UTF-8 (RFC 8018 §5.2 leaves the password
        // encoding to the application); the legacy systems of DESIGN.md §5 hashed UTF-8 too.
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, expected.length * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256, which every Java SE 17 must provide", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }

    private static byte[] digest(String algorithm, byte[] prefix, byte[] password) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            digest.update(prefix);
            return digest.digest(password);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm + ", which every Java SE 17 must provide", e);
        }
    }

    @Override
    public String toString() {
        return "LegacyPasswordHash[" + scheme.prefix() + "]";
    }
}
