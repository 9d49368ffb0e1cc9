package io.aoi.plugin.runtime;

import io.aoi.config.StationConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The OPC 40100 InternalConfigurationId a station stamps on its results: {@code <stationId>-<12 hex digits>},
 * the first 48 bits of the SHA-256 of the validated settings ({@link StationConfig#toString()}: every setting,
 * with defaults filled in and paths resolved). It changes exactly when a setting does, not with comments,
 * formatting or the order of keys in the station file, and it is the same at every start with the same file in
 * the same place, so an MES can tell which results were made with which configuration across restarts.
 */
final class ConfigurationIds {
    private static final int HEX_DIGITS = 12;

    private ConfigurationIds() {
    }

    static String of(StationConfig config) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(config.toString().getBytes(StandardCharsets.UTF_8));
            return config.stationId() + "-" + HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
