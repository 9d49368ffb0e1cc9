package io.aoi.config.yaml;

import io.aoi.config.OpcUaSettings;
import io.aoi.config.Role;
import io.aoi.config.SecurityProfile;
import io.aoi.config.StationConfigException;
import io.aoi.config.UserAccount;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code opcua} section. profile and pkiDir are required; bindAddress defaults to 127.0.0.1, port to
 * 4840 and users to none; advertisedHost and anonymousRole are optional (see {@link OpcUaSettings}). Each user needs
 * name, passwordHash and role.
 */
final class OpcUaReader {
    private OpcUaReader() {
    }

    static OpcUaSettings read(YamlMap map) throws StationConfigException {
        map.allow("bindAddress", "port", "profile", "users", "pkiDir", "advertisedHost", "anonymousRole");
        String bindAddress = map.text("bindAddress", "127.0.0.1");
        int port = map.integer("port", 4840);
        SecurityProfile profile = map.choice("profile", SecurityProfile.class);
        List<UserAccount> users = new ArrayList<>();
        for (YamlMap item : map.mappings("users", false, "a mapping with name, passwordHash and role")) {
            item.allow("name", "passwordHash", "role");
            String name = item.text("name");
            String passwordHash = item.text("passwordHash");
            Role role = item.choice("role", Role.class);
            users.add(item.build(() -> new UserAccount(name, passwordHash, role)));
        }
        Path pkiDir = map.path("pkiDir");
        Optional<String> advertisedHost = map.optionalText("advertisedHost");
        Optional<Role> anonymousRole = map.optionalChoice("anonymousRole", Role.class);
        return map.build(() -> new OpcUaSettings(bindAddress, port, profile, users, pkiDir, advertisedHost,
                anonymousRole));
    }
}
