package io.aoi.plugin.cli;

import io.aoi.config.PasswordHash;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Prints the PBKDF2 hash of a password for the {@code opcua.users[].passwordHash} field of a station file.
 * The password is read without echo from the terminal, or as the first line of standard input.
 */
final class HashPasswordCommand implements Command {

    @Override
    public String name() {
        return "hash-password";
    }

    @Override
    public String synopsis() {
        return "hash-password                 (reads the password from the terminal or standard input)";
    }

    @Override
    public int run(Args args) throws UsageException, IOException {
        args.requireAllUsed();
        char[] password = readPassword();
        try {
            if (password.length == 0) {
                throw new UsageException("the password is empty");
            }
            System.out.println(PasswordHash.hashPassword(password));
            return 0;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static char[] readPassword() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] p = console.readPassword("password: ");
            return p == null ? new char[0] : p;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        return line == null ? new char[0] : line.toCharArray();
    }
}
