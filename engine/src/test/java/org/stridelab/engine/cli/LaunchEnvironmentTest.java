package org.stridelab.engine.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LaunchEnvironmentTest {
    private static final long G = 1L << 30;

    @Test
    void nativeMemoryIsSizedFromTheMachineWithTheHeapsShareLeftOut() {
        assertArrayEquals(new long[] {32 * G / 100 * 85 - 4 * G, 32 * G / 100 * 85},
                LaunchEnvironment.nativeLimits(32 * G, 4 * G, null), "85 % of 32 GB, less a 4 GB heap");
        assertArrayEquals(new long[] {20 * G, 24 * G}, LaunchEnvironment.nativeLimits(64 * G, 4 * G, "24G"));
        assertArrayEquals(new long[] {G, 2 * G}, LaunchEnvironment.nativeLimits(2 * G, G, null),
                "a small machine still gets 1 GB off the heap");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LaunchEnvironment.nativeLimits(8 * G, G, "lots"));
        assertTrue(e.getMessage().contains("STRIDELAB_MAX_MEMORY=lots"), e.getMessage());
    }

    @Test
    void leadingDashDArgumentsBecomePropertiesAndTheRestStays() {
        String before = System.getProperty("org.bytedeco.javacpp.maxbytes");
        String[] rest = LaunchEnvironment.prepare(new String[] {"-Dstridelab.test.launch=yes",
            "-Dorg.bytedeco.javacpp.maxbytes=3G", "train", "-Dnot.this=1"});
        assertArrayEquals(new String[] {"train", "-Dnot.this=1"}, rest);
        assertEquals("yes", System.getProperty("stridelab.test.launch"));
        assertEquals("3G", System.getProperty("org.bytedeco.javacpp.maxbytes"), "a given limit is kept");
        System.clearProperty("stridelab.test.launch");
        if (before == null) {
            System.clearProperty("org.bytedeco.javacpp.maxbytes");
        } else {
            System.setProperty("org.bytedeco.javacpp.maxbytes", before);
        }
    }
}
