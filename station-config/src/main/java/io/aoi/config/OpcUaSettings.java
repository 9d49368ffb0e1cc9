package io.aoi.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The embedded OPC UA server.
 *
 * @param bindAddress address to listen on; the demo profile allows loopback addresses only
 * @param port        TCP port, 0 picks a free one
 * @param profile     security profile
 * @param users       accounts for the production profile
 * @param pkiDir      where the server keeps its certificate and the client trust list
 */
public record OpcUaSettings(String bindAddress, int port, SecurityProfile profile, List<UserAccount> users,
        Path pkiDir) {
    public OpcUaSettings {
        Check.nonBlank("bindAddress", bindAddress);
        Check.intRange("port", port, 0, 65535);
        Check.present("profile", profile);
        users = List.copyOf(Check.present("users", users));
        Check.present("pkiDir", pkiDir);
        if (profile == SecurityProfile.DEMO && !isLoopback(bindAddress)) {
            throw new InvalidSettingException("bindAddress", bindAddress,
                    "a loopback address (127.x.x.x, localhost or ::1) with the demo profile");
        }
        if (profile == SecurityProfile.PRODUCTION && users.isEmpty()) {
            throw new InvalidSettingException("users", "[]", "at least one user with the production profile");
        }
    }

    private static boolean isLoopback(String address) {
        return address.equals("localhost") || address.startsWith("127.") || address.equals("::1");
    }
}
