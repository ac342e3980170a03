package org.deciban.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Which subcommands a command line needs: one when it names one, none for --version, all otherwise. */
class DecibanSubcommandsTest {

    @Test
    void aNamedCommandNeedsOnlyItself() {
        assertEquals(List.of(CheckCommand.class), Deciban.subcommandsFor("check", "kim-2024"));
        assertEquals(List.of(WhatIfCommand.class), Deciban.subcommandsFor("what-if", "--without", "x"));
        assertEquals(List.of(RunCommand.class), Deciban.subcommandsFor("run", "--help"));
    }

    @Test
    void versionNeedsNoneAndEverythingElseNeedsAll() {
        assertEquals(List.of(), Deciban.subcommandsFor("--version"));
        assertEquals(List.of(), Deciban.subcommandsFor("-V"));
        for (String[] args : List.of(new String[] {}, new String[] {"--help"}, new String[] {"help", "run"},
                new String[] {"rnu"}, new String[] {"--version", "--help"})) {
            assertEquals(Deciban.SUBCOMMANDS, Deciban.subcommandsFor(args), String.join(" ", args));
        }
    }

    @Test
    void everySubcommandHasItsOwnName() {
        Set<String> names = new HashSet<>();
        for (Class<?> sub : Deciban.SUBCOMMANDS) {
            names.add(sub.getAnnotation(CommandLine.Command.class).name());
        }
        assertEquals(Deciban.SUBCOMMANDS.size(), names.size());
        CommandLine all = Deciban.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertEquals(names, all.getSubcommands().keySet());
    }
}
