package io.aoi.tools;

import io.aoi.camera.aravis.AravisBenchmark;
import io.aoi.camera.aravis.AravisSoak;
import io.aoi.camera.sim.RenderPanels;
import io.aoi.camera.sim.RenderStrip;
import io.aoi.camera.sim.SimulatorBenchmark;
import io.aoi.cli.CommandLines;
import io.aoi.cli.HelpOption;
import io.aoi.deblur.bench.DeblurBenchmark;
import io.aoi.deblur.motion.MotionBenchmark;
import io.aoi.eval.DetectorBenchmark;
import io.aoi.eval.DirectionAccuracy;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar plugin/tools/target/aoi-tools.jar <tool> ...}: the development tools, which are no part of the
 * product jar. Each tool is also a class with its own {@code main} ({@code java -cp aoi-tools.jar <class> ...}).
 * Exit codes and error wording follow {@link CommandLines}; {@code --help} on the jar lists the tools, on a tool its
 * options with their defaults.
 */
@Command(name = Tools.NAME, description = "Development tools of the ACF particle AOI plugin: renderer, "
        + "benchmarks, soak.", synopsisSubcommandLabel = "TOOL",
        footer = "%nEach tool lists its options and defaults with --help.")
public final class Tools implements Callable<Integer> {
    /** How the jar is started: the name at the head of every synopsis. */
    static final String NAME = "java -jar aoi-tools.jar";

    /** Every tool, in the order the help lists them. */
    static final List<Class<?>> TOOLS = List.of(RenderPanels.class, RenderStrip.class, SimulatorBenchmark.class,
            AravisBenchmark.class, AravisSoak.class, DeblurBenchmark.class, MotionBenchmark.class,
            DetectorBenchmark.class, DirectionAccuracy.class);

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    private Tools() {
    }

    public static void main(String[] argv) {
        System.exit(commandLine().execute(argv));
    }

    /** The tool tree with the project's command-line conventions, writing to stdout and stderr. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Tools());
        for (Class<?> tool : TOOLS) {
            cli.addSubcommand(tool);
        }
        CommandLines.configure(cli);
        cli.getCommandSpec().usageMessage().commandListHeading("%nTools:%n");
        return cli;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "no tool given; allowed: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
