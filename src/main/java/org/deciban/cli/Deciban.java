package org.deciban.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.deciban.inference.ImpossibleEvidenceException;
import org.deciban.io.InputException;
import org.deciban.io.IoReason;
import org.deciban.io.ReportFolder;
import org.deciban.report.Terminal;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code deciban} command and its subcommands; the program's entry point. */
@Command(name = "deciban",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {"A Bayesian forecasting engine for analysts: priors and evidence in, posteriors, "
                + "credible intervals and weights of evidence (in decibans) out.",
                "",
                "Cases live in priors/<case>.yaml and evidence/<case>/*.yaml; reports go to reports/<case>/."})
public final class Deciban implements Callable<Integer> {

    /**
     * The subcommands, in the order {@code --help} lists them. They are added to the command line by
     * {@link #execute}, only the one named when a command is named (picocli reads every added command's
     * options by reflection; {@code deciban check} need not pay for the other eleven).
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(RunCommand.class, CheckCommand.class, QueryCommand.class,
            ExplainCommand.class,
            SensitivityCommand.class, WhatIfCommand.class, IndicatorsCommand.class, TimelineCommand.class,
            HistoryCommand.class, ScoreCommand.class, DiffCommand.class, TestCommand.class, CommandLine.HelpCommand.class);

    /** Exit code for bad input. */
    public static final int BAD_INPUT = 2;
    /** Exit code for an internal failure. */
    public static final int INTERNAL = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code deciban} without a command is a usage error: the help goes to stderr, exit code 2. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("deciban: error: no command given; name one of the commands below");
        err.println();
        spec.commandLine().usage(err);
        err.flush();
        return BAD_INPUT;
    }

    /**
     * A command line with every subcommand, ready to execute, writing to the given writers. Everything it
     * prints passes through {@link Terminal#writer}, so no string from a case reaches a terminal as a
     * control sequence.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, SUBCOMMANDS);
    }

    private static CommandLine commandLine(PrintWriter out, PrintWriter err, List<Class<?>> subcommands) {
        CommandLine cl = new CommandLine(new Deciban());
        for (Class<?> sub : subcommands) {
            cl.addSubcommand(sub);
        }
        cl.setOut(Terminal.writer(out));
        cl.setErr(Terminal.writer(err));
        cl.setExecutionExceptionHandler(Deciban::handle);
        cl.setParameterExceptionHandler(Deciban::handleParameter);
        cl.setUsageHelpAutoWidth(true);
        Options.registerConverters(cl);
        return cl;
    }

    /** Runs a command line and returns its exit code, never throwing. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(out, err, subcommandsFor(args));
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            boolean debug = java.util.Arrays.asList(args).contains("--debug");
            cl.getErr().println("deciban: internal error: " + (e instanceof OutOfMemoryError
                    ? "out of memory (the Java heap is too small for this case; give it more with java -Xmx...)"
                    : "the computation nested too deeply") + (debug ? "" : " (run with --debug for the stack trace)"));
            if (debug) {
                e.printStackTrace(cl.getErr());
            }
            code = INTERNAL;
        }
        cl.getOut().flush();
        cl.getErr().flush();
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The subcommands {@code args} need: the one named first; none for {@code --version}; all of them
     * otherwise (help, usage, a mistyped name, which picocli answers with the closest names).
     */
    static List<Class<?>> subcommandsFor(String... args) {
        if (args.length == 0) {
            return SUBCOMMANDS;
        }
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return List.of();
        }
        for (Class<?> sub : SUBCOMMANDS) {
            Command c = sub.getAnnotation(Command.class);
            if (c.name().equals(args[0]) && sub != CommandLine.HelpCommand.class) {
                return List.of(sub);
            }
        }
        return SUBCOMMANDS;
    }

    /** A bad option or parameter: one line and a pointer to --help, exit code 2. */
    private static int handleParameter(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("deciban: error: " + Terminal.oneLine(e.getMessage().strip())
                + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return BAD_INPUT;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean debug = CommonOptions.debugRequested(parsed);
        int code;
        if (e instanceof InputException || e instanceof ImpossibleEvidenceException || e instanceof BadInput
                || e instanceof org.deciban.inference.network.CliqueTooLargeException
                || e instanceof ReportFolder.UnsafeFolderException) {
            err.println("deciban: error: " + Terminal.oneLine(e.getMessage()));
            code = BAD_INPUT;
        } else if (e instanceof ReportFolder.WriteFailedException w) {
            err.println("deciban: error: " + Terminal.oneLine(IoReason.of(w.getCause()) + " while writing " + w.file()
                    + (w.note() == null ? "" : "; " + w.note())));
            code = INTERNAL;
        } else if (e instanceof java.io.IOException io) {
            String file = io instanceof java.nio.file.FileSystemException f && f.getFile() != null ? f.getFile() : null;
            err.println("deciban: error: " + Terminal.oneLine(IoReason.of(io) + (file == null ? "" : ": " + file)));
            code = INTERNAL;
        } else {
            err.println("deciban: internal error: " + Terminal.oneLine(String.valueOf(e))
                    + (debug ? "" : " (run with --debug for the stack trace)"));
            code = INTERNAL;
        }
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true);
        System.exit(execute(out, err, args));
    }
}
