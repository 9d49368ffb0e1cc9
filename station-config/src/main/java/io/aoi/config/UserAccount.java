package io.aoi.config;

/**
 * An OPC UA user.
 *
 * @param name         user name
 * @param passwordHash PBKDF2 hash in the form {@code pbkdf2-sha256$iterations$saltBase64$hashBase64}
 * @param role         what the user may do
 */
public record UserAccount(String name, String passwordHash, Role role) {
    public UserAccount {
        Check.nonBlank("name", name);
        Check.nonBlank("passwordHash", passwordHash);
        if (!passwordHash.matches("pbkdf2-sha256\\$\\d+\\$[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+")) {
            throw new InvalidSettingException("passwordHash", "(hidden)",
                    "pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>, as printed by the hash-password command");
        }
        Check.present("role", role);
    }
}
