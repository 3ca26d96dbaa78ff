package org.stridelab.app;

import org.stridelab.engine.cli.LaunchEnvironment;

/**
 * The lab's entry point in an installed app image: applies leading {@code -D}
 * arguments and sizes ND4J's memory from the machine ({@link LaunchEnvironment}),
 * then starts {@link StrideLabApp}. A main class of its own because a class
 * that extends {@code Application} cannot be started from the class path.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        StrideLabApp.main(LaunchEnvironment.prepare(args));
    }
}
