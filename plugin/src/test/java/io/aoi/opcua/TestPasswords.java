package io.aoi.opcua;

import java.util.Base64;
import java.util.Random;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** Makes {@code pbkdf2-sha256$...} hashes for test accounts (few iterations, seeded salt, to keep tests fast). */
public final class TestPasswords {
    private TestPasswords() {
    }

    public static String hash(String password, long seed) throws Exception {
        byte[] salt = new byte[16];
        new Random(seed).nextBytes(salt);
        int iterations = 10_000;
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        return "pbkdf2-sha256$" + iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(hash);
    }
}
