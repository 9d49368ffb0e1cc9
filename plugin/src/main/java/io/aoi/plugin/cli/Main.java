package io.aoi.plugin.cli;

import io.aoi.cli.CommandLines;
import io.aoi.cli.HelpOption;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code java -jar aoi-plugin.jar <command> ...}, parsed by picocli. Exit codes: 0 done, 1 the work failed
 * (message on stderr), 2 the command line was wrong (message and usage on stderr). Every command prints its
 * options with defaults and allowed values with {@code --help}.
 *
 * <p>Errors read {@code <command>: <what was wrong>; allowed: ...} followed by the command's synopsis.
 */
public final class Main {
    /** How the jar is started: the name at the head of every synopsis. */
    static final String NAME = "java -jar aoi-plugin.jar";

    private Main() {
    }

    static Main standard() {
        return new Main();
    }

    public static void main(String[] argv) {
        System.exit(standard().execute(argv, System.out, System.err));
    }

    int execute(String[] argv, PrintStream out, PrintStream err) {
        return commandLine(new Streams(out, err)).execute(argv);
    }

    /** The command tree writing to {@code io}: every command, then {@code help}. */
    static CommandLine commandLine(Streams io) {
        CommandLine cli = new CommandLine(new Top());
        for (Object command : List.of(new RunCommand(io), new InspectCommand(io), new DeblurCommand(io),
                new TuneCommand(io), new EvaluateCommand(io), new CalibrateCommand(io), new BenchCommand(io),
                new CamerasCommand(io), new HashPasswordCommand(io))) {
            cli.addSubcommand(command);
        }
        cli.addSubcommand(new CommandLine.HelpCommand());
        cli.setOut(writer(io.out()));
        cli.setErr(writer(io.err()));
        CommandLines.configure(cli);
        cli.setExecutionExceptionHandler((e, command, parsed) -> e instanceof UsageException
                ? CommandLines.usageError(command, e.getMessage()) : CommandLines.workFailed(command, e));
        return cli;
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    /** The top of the tree: a command must be named. */
    @Command(name = NAME, description = "Inspection of ACF conductive particles on display panels.",
            synopsisSubcommandLabel = "COMMAND", exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:done", "1:the work failed (message on stderr)",
                "2:the command line was wrong (message and usage on stderr)"},
            footer = "%nEach command lists its options, defaults and allowed values with --help.")
    static final class Top implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        HelpOption help;

        @Override
        public Integer call() {
            throw new ParameterException(spec.commandLine(), "no command given; allowed: "
                    + String.join(", ", spec.subcommands().keySet()));
        }
    }
}
