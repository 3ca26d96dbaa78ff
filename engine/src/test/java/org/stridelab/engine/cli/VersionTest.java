package org.stridelab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class VersionTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void versionNamesTheBuildTheBackendItsNativesAndTheCpu() {
        assertEquals(0, StrideLabCommand.execute("--version"));
        String out = console.outText();
        assertTrue(out.matches("(?s)StrideLab \\d+\\.\\d+\\.\\d+.*"), out);
        assertTrue(out.contains("ND4J backend: CPU (CpuBackend"), out);
        assertTrue(out.contains("Native build: " + org.bytedeco.javacpp.Loader.getPlatform()), out);
        assertTrue(out.contains("CPU features: "), out);
        assertTrue(out.contains("Java kernels: "), out);
    }
}
