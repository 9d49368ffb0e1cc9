package io.aoi.config;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 password hashes in the form {@code pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>},
 * the form {@link UserAccount#passwordHash()} accepts. Used by the OPC UA server to check user names and by the
 * {@code hash-password} command to make entries for station files.
 *
 * <p>Stateless and thread-safe. The password arrays passed in are not changed; callers clear them.
 */
public final class PasswordHash {
    /** Iterations of new hashes (OWASP's 2023 figure for PBKDF2-HMAC-SHA256). */
    public static final int DEFAULT_ITERATIONS = 600_000;
    /** Fewest iterations {@link #hashPassword(char[], int)} accepts. */
    public static final int MIN_ITERATIONS = 10_000;
    /** Most iterations {@link #verifyPassword} will compute, so a hostile file cannot stall logins. */
    public static final int MAX_ITERATIONS = 10_000_000;

    private static final String PREFIX = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern FORMAT =
            Pattern.compile("pbkdf2-sha256\\$(\\d{1,9})\\$([A-Za-z0-9+/=]+)\\$([A-Za-z0-9+/=]+)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    /** Hashes with a fresh random salt and {@link #DEFAULT_ITERATIONS}. */
    public static String hashPassword(char[] password) {
        return hashPassword(password, DEFAULT_ITERATIONS);
    }

    /**
     * Hashes with a fresh random salt.
     *
     * @param iterations from {@link #MIN_ITERATIONS} to {@link #MAX_ITERATIONS}
     * @throws IllegalArgumentException for an empty password or iterations out of range
     */
    public static String hashPassword(char[] password, int iterations) {
        if (password.length == 0) {
            throw new IllegalArgumentException("password is empty; allowed: at least one character");
        }
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations " + iterations + " is not allowed; allowed: "
                    + MIN_ITERATIONS + " to " + MAX_ITERATIONS);
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations, HASH_BYTES);
        Base64.Encoder base64 = Base64.getEncoder();
        return PREFIX + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    /**
     * Whether {@code password} matches {@code encoded}; compares in constant time.
     *
     * @throws IllegalArgumentException when {@code encoded} is not a hash of this form or asks for more than
     *                                  {@link #MAX_ITERATIONS} iterations
     */
    public static boolean verifyPassword(char[] password, String encoded) {
        Matcher parts = FORMAT.matcher(encoded);
        if (!parts.matches()) {
            throw new IllegalArgumentException(
                    "not a password hash; allowed: pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>");
        }
        int iterations = Integer.parseInt(parts.group(1));
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("password hash iterations " + iterations
                    + " is not allowed; allowed: 1 to " + MAX_ITERATIONS);
        }
        byte[] salt;
        byte[] expected;
        try {
            salt = Base64.getDecoder().decode(parts.group(2));
            expected = Base64.getDecoder().decode(parts.group(3));
        } catch (IllegalArgumentException badBase64) {
            throw new IllegalArgumentException("password hash salt or hash is not valid base64", badBase64);
        }
        if (expected.length == 0) {
            throw new IllegalArgumentException("password hash has an empty hash part");
        }
        byte[] actual = derive(password, salt, iterations, expected.length);
        boolean same = MessageDigest.isEqual(actual, expected);
        Arrays.fill(actual, (byte) 0);
        return same;
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException missingAlgorithm) {
            throw new IllegalStateException(ALGORITHM + " is not available in this Java runtime", missingAlgorithm);
        } finally {
            spec.clearPassword();
        }
    }
}
