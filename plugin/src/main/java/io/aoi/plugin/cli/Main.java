package io.aoi.plugin.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

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
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // enum defaults shown (and parsed) in lower case, as they are typed and written in station files
        cli.setDefaultValueProvider(arg -> arg.initialValue() instanceof Enum<?> e
                ? e.name().toLowerCase(Locale.ROOT) : null);
        cli.setParameterExceptionHandler((e, args) -> usageError(e.getCommandLine(), message(e)));
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof UsageException) {
                return usageError(command, e.getMessage());
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            command.getErr().println(command.getCommandName() + ": " + (e instanceof InterruptedException
                    ? "interrupted" : e.getMessage() != null ? e.getMessage() : e.toString()));
            return 1;
        });
        apply(cli);
        return cli;
    }

    private static void apply(CommandLine command) {
        command.getCommandSpec().usageMessage().synopsisHeading("usage: ").optionListHeading("%nOptions:%n")
                .parameterListHeading("%nArguments:%n").commandListHeading("%nCommands:%n").sortOptions(false);
        command.getSubcommands().values().forEach(Main::apply);
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    /** Prints the message and the synopsis on stderr; returns exit code 2. */
    private static int usageError(CommandLine command, String message) {
        PrintWriter err = command.getErr();
        err.println(command.getCommandName() + ": " + message);
        CommandLine.Help help = command.getHelp();
        err.print(help.synopsisHeading() + help.synopsis(help.synopsisHeadingLength()));
        err.println("options and defaults: " + command.getCommandSpec().qualifiedName() + " --help");
        err.flush();
        return 2;
    }

    /** A parse error in the project's wording: what was given and what is allowed. */
    static String message(ParameterException e) {
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            if (u.getCommandLine().getCommandSpec().parent() == null && !first.startsWith("-")) {
                return "unknown command '" + first + "'; allowed: "
                        + String.join(", ", u.getCommandLine().getSubcommands().keySet());
            }
            return first.startsWith("-") ? "unknown option " + first.split("=", 2)[0]
                    : "unexpected argument '" + first + "'";
        }
        if (e instanceof MissingParameterException m && !m.getMissing().isEmpty()) {
            ArgSpec missing = m.getMissing().get(0);
            return missing instanceof OptionSpec o ? "missing " + o.longestName()
                    : "no " + ((PositionalParamSpec) missing).paramLabel().toLowerCase(Locale.ROOT) + " given";
        }
        ArgSpec arg = e.getArgSpec();
        if (arg != null && e.getValue() != null && e.getCause() != null) {
            String name = arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
            Class<?> type = arg.isMultiValue() && arg.auxiliaryTypes().length > 0 ? arg.auxiliaryTypes()[0]
                    : arg.type();
            if (type.isEnum()) {
                return name + " " + e.getValue() + " is not known; allowed: " + EnumNames.allowed(type);
            }
            if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
                return name + " '" + e.getValue() + "' is not a whole number";
            }
            if (type == double.class || type == Double.class) {
                return name + " '" + e.getValue() + "' is not a number";
            }
        }
        return e.getMessage();
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
