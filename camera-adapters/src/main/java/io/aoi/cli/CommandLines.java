package io.aoi.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The project's picocli conventions, shared by the plugin's command line and the tool {@code main}s:
 * <ul>
 *   <li>exit codes 0 done, 1 the work failed (message on stderr), 2 the command line was wrong;</li>
 *   <li>a command-line error reads {@code <command>: <what was wrong>; allowed: ...}, then the synopsis and where
 *   to find the options, on stderr;</li>
 *   <li>enum values are read case-insensitively and shown (defaults and allowed values) in lower case, as station
 *   files write them;</li>
 *   <li>help lists options in declaration order under "Options:", below a synopsis wrapped at spaces only
 *   ({@link Synopsis}).</li>
 * </ul>
 * Stateless.
 */
public final class CommandLines {
    private CommandLines() {
    }

    /** Applies the conventions to {@code cli} and every subcommand added so far; returns it. */
    public static CommandLine configure(CommandLine cli) {
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setDefaultValueProvider(arg -> arg.initialValue() instanceof Enum<?> e
                ? e.name().toLowerCase(Locale.ROOT) : null);
        cli.setParameterExceptionHandler((e, args) -> usageError(e.getCommandLine(), message(e)));
        cli.setExecutionExceptionHandler((e, command, parsed) -> workFailed(command, e));
        headings(cli);
        return cli;
    }

    /** Runs a tool: {@code tool} (a picocli command) on {@code argv} with the conventions; returns the exit code. */
    public static int run(Object tool, String... argv) {
        return configure(new CommandLine(tool)).execute(argv);
    }

    /**
     * Refuses a parsed value the option's type allows but the tool does not: throws the command-line error of
     * {@code spec}'s command, which {@link #configure} reports with the synopsis and exit code 2.
     *
     * @param message what was wrong and what is allowed, e.g. {@code --rows 0 is out of range; allowed: 1 or more}
     * @throws ParameterException unless {@code ok}
     */
    public static void require(CommandSpec spec, boolean ok, String message) {
        if (!ok) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }

    /**
     * {@link #require} for a whole-number option that must lie in {@code [min, max]}: the message reads
     * {@code --width 32 is out of range; allowed: 64 to 16384}.
     */
    public static void requireRange(CommandSpec spec, String option, int value, int min, int max) {
        require(spec, value >= min && value <= max,
                option + " " + value + " is out of range; allowed: " + min + " to " + max);
    }

    /**
     * {@link #require} for a number option that must lie in {@code [min, max]}: the message gives the value as
     * parsed and the bounds as written ({@code --defocus 9.0 is out of range; allowed: 0 to 8}).
     */
    public static void requireRange(CommandSpec spec, String option, double value, double min, double max) {
        require(spec, value >= min && value <= max,
                option + " " + value + " is out of range; allowed: " + bound(min) + " to " + bound(max));
    }

    /** {@link #require} for a whole-number option of at least {@code min}: {@code --window 0 ...; allowed: 1 or more}. */
    public static void requireAtLeast(CommandSpec spec, String option, int value, int min) {
        require(spec, value >= min, option + " " + value + " is out of range; allowed: " + min + " or more");
    }

    /** A bound without a trailing {@code .0}: 8 and 0.2. */
    private static String bound(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static void headings(CommandLine command) {
        command.getCommandSpec().usageMessage().synopsisHeading("usage: ").optionListHeading("%nOptions:%n")
                .parameterListHeading("%nArguments:%n").commandListHeading("%nCommands:%n").sortOptions(false);
        command.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_SYNOPSIS, Synopsis::of);
        command.getSubcommands().values().forEach(CommandLines::headings);
    }

    /** Prints {@code <command>: message} and the synopsis on the command's stderr; returns exit code 2. */
    public static int usageError(CommandLine command, String message) {
        PrintWriter err = command.getErr();
        err.println(command.getCommandName() + ": " + message);
        CommandLine.Help help = command.getHelp();
        err.print(help.synopsisHeading() + Synopsis.of(help));
        err.println("options and defaults: " + command.getCommandSpec().qualifiedName() + " --help");
        err.flush();
        return 2;
    }

    /** Prints {@code <command>: <the failure>} on the command's stderr; returns exit code 1. */
    public static int workFailed(CommandLine command, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        command.getErr().println(command.getCommandName() + ": " + (e instanceof InterruptedException
                ? "interrupted" : e.getMessage() != null ? e.getMessage() : e.toString()));
        command.getErr().flush();
        return 1;
    }

    /** A parse error in the project's wording: what was given and what is allowed. */
    public static String message(ParameterException e) {
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            CommandLine where = u.getCommandLine();
            if (!where.getSubcommands().isEmpty() && !first.startsWith("-")) {
                return "unknown command '" + first + "'; allowed: " + String.join(", ",
                        where.getSubcommands().keySet());
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
                return name + " " + e.getValue() + " is not known; allowed: " + allowed(type);
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

    /** The constants of an enum in lower case, in declaration order. */
    public static List<String> enumNames(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                .toList();
    }

    /** {@code none, wiener, udbd...}: the allowed values of an enum option. */
    public static String allowed(Class<?> enumType) {
        return String.join(", ", enumNames(enumType));
    }

}
