package io.aoi.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {
    private static final int FAST_ITERATIONS = PasswordHash.MIN_ITERATIONS;

    @Test
    void defaultHashUsesTheDefaultIterationsAndIsAcceptedByUserAccount() {
        String hash = PasswordHash.hashPassword("correct horse".toCharArray());

        assertTrue(hash.startsWith("pbkdf2-sha256$" + PasswordHash.DEFAULT_ITERATIONS + "$"), hash);
        assertEquals(hash, new UserAccount("eng", hash, Role.ENGINEER).passwordHash());
    }

    @Test
    void hashRoundTrips() {
        String hash = PasswordHash.hashPassword("correct horse".toCharArray(), FAST_ITERATIONS);

        assertTrue(hash.startsWith("pbkdf2-sha256$" + FAST_ITERATIONS + "$"), hash);
        assertTrue(PasswordHash.verifyPassword("correct horse".toCharArray(), hash));
        assertEquals(hash, new UserAccount("eng", hash, Role.ENGINEER).passwordHash());
    }

    @Test
    void rejectsOtherPasswords() {
        String hash = PasswordHash.hashPassword("correct horse".toCharArray(), FAST_ITERATIONS);

        assertFalse(PasswordHash.verifyPassword("correct hors".toCharArray(), hash));
        assertFalse(PasswordHash.verifyPassword("Correct horse".toCharArray(), hash));
        assertFalse(PasswordHash.verifyPassword("correct horse ".toCharArray(), hash));
    }

    @Test
    void saltsEveryHashAfresh() {
        String first = PasswordHash.hashPassword("same".toCharArray(), FAST_ITERATIONS);
        String second = PasswordHash.hashPassword("same".toCharArray(), FAST_ITERATIONS);

        assertNotEquals(first, second);
        assertTrue(PasswordHash.verifyPassword("same".toCharArray(), first));
        assertTrue(PasswordHash.verifyPassword("same".toCharArray(), second));
    }

    @Test
    void verifiesThePublishedPbkdf2Sha256Vector() {
        // PBKDF2-HMAC-SHA256(password "password", salt "salt", 1 iteration, 32 bytes)
        // = 120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b, here in base64.
        String known = "pbkdf2-sha256$1$c2FsdA==$Eg+2z/z4syxD5yJSVsT4N6hlSMkszDVICAWYfLcL4Xs=";
        assertTrue(PasswordHash.verifyPassword("password".toCharArray(), known));
    }

    @Test
    void leavesThePasswordArrayAlone() {
        char[] password = "keep me".toCharArray();
        String hash = PasswordHash.hashPassword(password, FAST_ITERATIONS);
        PasswordHash.verifyPassword(password, hash);

        assertArrayEquals("keep me".toCharArray(), password);
    }

    @Test
    void rejectsTooFewIterationsAndEmptyPasswords() {
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
                () -> PasswordHash.hashPassword("x".toCharArray(), 1000));
        assertEquals("iterations 1000 is not allowed; allowed: 10000 to 10000000", few.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.hashPassword(new char[0]));
    }

    @Test
    void rejectsMalformedHashesAndHashesTooCostlyToCheck() {
        IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class,
                () -> PasswordHash.verifyPassword("x".toCharArray(), "sha1$abc"));
        assertEquals("not a password hash; allowed: pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>",
                malformed.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> PasswordHash.verifyPassword("x".toCharArray(), "pbkdf2-sha256$999999999$c2FsdA==$aGFzaA=="));
    }
}
