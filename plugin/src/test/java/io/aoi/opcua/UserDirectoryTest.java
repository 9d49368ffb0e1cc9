package io.aoi.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.config.PasswordHash;
import io.aoi.config.Role;
import io.aoi.config.UserAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserDirectoryTest {
    private static final int ITERATIONS = 20_000;

    @Test
    void checksUnknownUsersAgainstADummyHashOfTheSameCost() {
        String engHash = PasswordHash.hashPassword("eng-pw".toCharArray(), ITERATIONS);
        List<String> checked = new ArrayList<>();
        UserDirectory users = new UserDirectory(Optional.empty(), List.of(new UserAccount("eng", engHash,
                Role.ENGINEER)), (pw, hash) -> {
                    checked.add(hash);
                    return PasswordHash.verifyPassword(pw, hash);
                });

        assertTrue(users.authenticate("eng", "eng-pw"));
        assertFalse(users.authenticate("eng", "wrong"));
        assertFalse(users.authenticate("nobody", "eng-pw"));
        assertFalse(users.authenticate("nobody", null));
        assertFalse(users.authenticate(null, "x"));

        assertEquals(5, checked.size(), "every attempt costs one PBKDF2 derivation");
        for (String hash : checked) {
            assertEquals(ITERATIONS, Integer.parseInt(hash.split("\\$")[1]), hash);
        }
        assertEquals(engHash, checked.get(1));
        assertFalse(checked.get(2).equals(engHash), "unknown names are checked against the dummy, not an account");
        assertEquals(ITERATIONS, users.dummyIterations());
    }

    @Test
    void usesTheLargestIterationCountOfTheAccountsForTheDummy() {
        UserDirectory users = new UserDirectory(Optional.empty(), List.of(
                new UserAccount("a", PasswordHash.hashPassword("a".toCharArray(), 10_000), Role.OPERATOR),
                new UserAccount("b", PasswordHash.hashPassword("b".toCharArray(), 30_000), Role.MES)));
        assertEquals(30_000, users.dummyIterations());
        assertEquals(PasswordHash.DEFAULT_ITERATIONS, new UserDirectory(Optional.empty(), List.of())
                .dummyIterations());
    }
}
