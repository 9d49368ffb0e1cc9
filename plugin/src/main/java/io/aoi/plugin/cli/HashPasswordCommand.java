package io.aoi.plugin.cli;

import io.aoi.cli.HelpOption;
import io.aoi.config.PasswordHash;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Prints the PBKDF2 hash of a password for the {@code opcua.users[].passwordHash} field of a station file.
 * The password is read without echo from the terminal, or as the first line of standard input.
 */
@Command(name = "hash-password", description = "Prints the PBKDF2 hash of a password for opcua.users[].passwordHash; "
        + "the password is read without echo from the terminal, or as the first line of standard input.")
final class HashPasswordCommand implements Callable<Integer> {
    private final Streams io;

    @Mixin
    HelpOption help;

    HashPasswordCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() throws UsageException, IOException {
        char[] password = readPassword();
        try {
            if (password.length == 0) {
                throw new UsageException("the password is empty");
            }
            io.out().println(PasswordHash.hashPassword(password));
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
