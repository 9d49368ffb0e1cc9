package io.aoi.opcua;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordVerifierTest {
    @Test
    void acceptsTheRightPasswordAndRejectsWrongOnesAndMalformedHashes() throws Exception {
        String h = TestPasswords.hash("s3cret!", 1);
        assertTrue(PasswordVerifier.verify("s3cret!".toCharArray(), h));
        assertFalse(PasswordVerifier.verify("s3cret".toCharArray(), h));
        assertFalse(PasswordVerifier.verify("".toCharArray(), h));
        assertFalse(PasswordVerifier.verify("s3cret!".toCharArray(), "pbkdf2-sha256$10$$"));
        assertFalse(PasswordVerifier.verify("s3cret!".toCharArray(), "sha1$1$AAAA$AAAA"));
        assertFalse(PasswordVerifier.verify("s3cret!".toCharArray(), "pbkdf2-sha256$999999999$AAAA$AAAA"),
                "iterations above the cap are refused without computing");
    }
}
