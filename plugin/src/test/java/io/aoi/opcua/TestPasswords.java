package io.aoi.opcua;

import io.aoi.config.PasswordHash;

/** Hashes for test accounts: the production format with the fewest iterations allowed, to keep tests fast. */
public final class TestPasswords {
    private TestPasswords() {
    }

    public static String hash(String password) {
        return PasswordHash.hashPassword(password.toCharArray(), PasswordHash.MIN_ITERATIONS);
    }
}
