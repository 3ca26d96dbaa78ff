package org.stridelab.engine.about;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeReportTest {
    @Test
    void cpuFeaturesComeFromTheFlagsLineAndAMissingFileIsSaid(@TempDir Path dir) throws IOException {
        Path cpuinfo = dir.resolve("cpuinfo");
        Files.writeString(cpuinfo, "processor\t: 0\nflags\t\t: fpu sse4_2 avx2 fma avx512f ht\nflags\t: avx\n");
        assertEquals("sse4_2 avx2 fma avx512f", RuntimeReport.cpuFeatures(cpuinfo), "the first CPU's flags, in order");
        Files.writeString(cpuinfo, "processor\t: 0\nFeatures\t: fp asimd evtstrm\n");
        assertEquals("asimd", RuntimeReport.cpuFeatures(cpuinfo), "ARM spells it Features");
        assertTrue(RuntimeReport.cpuFeatures(dir.resolve("absent")).startsWith("not read (no "));
    }

    @Test
    void theVersionComesFromThePom() {
        assertTrue(RuntimeReport.version().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), RuntimeReport.version());
    }
}
