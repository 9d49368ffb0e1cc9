package io.aoi.opcua;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Checks a password against {@code pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>}
 * (PBKDF2WithHmacSHA256, hash length taken from the stored hash). Stateless, thread-safe.
 */
final class PasswordVerifier {
    /** Most iterations computed per login, so a hostile station file cannot stall the server. */
    static final int MAX_ITERATIONS = 10_000_000;
    private static final Pattern FORMAT =
            Pattern.compile("pbkdf2-sha256\\$(\\d{1,9})\\$([A-Za-z0-9+/=]+)\\$([A-Za-z0-9+/=]+)");

    private PasswordVerifier() {
    }

    /** @return false also when the stored hash is malformed */
    static boolean verify(char[] password, String encoded) {
        Matcher m = FORMAT.matcher(encoded);
        if (!m.matches()) {
            return false;
        }
        int iterations = Integer.parseInt(m.group(1));
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            return false;
        }
        byte[] salt;
        byte[] expected;
        try {
            salt = Base64.getDecoder().decode(m.group(2));
            expected = Base64.getDecoder().decode(m.group(3));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (expected.length == 0) {
            return false;
        }
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, expected.length * 8);
        try {
            byte[] actual = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            boolean same = MessageDigest.isEqual(actual, expected);
            Arrays.fill(actual, (byte) 0);
            return same;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }
}
