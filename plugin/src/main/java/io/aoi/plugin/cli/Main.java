package io.aoi.plugin.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar aoi-plugin.jar <command> ...}. Exit codes: 0 success, 1 the work failed (message on
 * stderr), 2 the command line was wrong (usage on stderr).
 */
public final class Main {
    private final Map<String, Command> commands = new LinkedHashMap<>();

    Main(List<Command> all) {
        all.forEach(c -> commands.put(c.name(), c));
    }

    static Main standard() {
        return new Main(List.of(
                new RunCommand(),
                new InspectCommand(),
                new DeblurCommand(),
                new TuneCommand(),
                new EvaluateCommand(),
                new CalibrateCommand(),
                new BenchCommand(),
                new CamerasCommand(),
                new HashPasswordCommand()));
    }

    public static void main(String[] argv) {
        System.exit(standard().execute(argv, System.out, System.err));
    }

    int execute(String[] argv, PrintStream out, PrintStream err) {
        if (argv.length == 0 || argv[0].equals("help") || argv[0].equals("--help")) {
            usage(out);
            return argv.length == 0 ? 2 : 0;
        }
        Command command = commands.get(argv[0]);
        if (command == null) {
            err.println("unknown command '" + argv[0] + "'; allowed: " + String.join(", ", commands.keySet()));
            return 2;
        }
        try {
            Args args = Args.parse(Arrays.asList(argv).subList(1, argv.length), command.flags());
            return command.run(args);
        } catch (UsageException e) {
            err.println(command.name() + ": " + e.getMessage());
            err.println("usage: " + command.synopsis());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(command.name() + ": interrupted");
            return 1;
        } catch (Exception e) {
            err.println(command.name() + ": " + e.getMessage());
            return 1;
        }
    }

    private void usage(PrintStream out) {
        out.println("usage: java -jar aoi-plugin.jar <command> ...");
        for (Command c : commands.values()) {
            out.println("  " + c.synopsis());
        }
    }
}
